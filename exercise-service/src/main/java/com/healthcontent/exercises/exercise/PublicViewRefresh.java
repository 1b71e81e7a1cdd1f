package com.healthcontent.exercises.exercise;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.exercises.featured.FeaturedArticle;
import com.healthcontent.exercises.featured.FeaturedArticles;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import com.healthcontent.servicedefaults.web.PublicViews;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public exercise views of this instance, and what drops them on every instance: any exercise event, and any
 * article event that changes which articles feature an exercise (stored first, so no view is rebuilt without it).
 */
@Configuration(proxyBeanMethods = false)
class PublicViewRefresh {

    @Bean
    PublicViews publicExerciseViews(MeterRegistry meterRegistry,
            @Value("${platform.exercises.public-views.size}") long size,
            @Value("${platform.exercises.public-views.expiry}") Duration expiry) {
        return new PublicViews("exercise.public.views", size, expiry, meterRegistry);
    }

    @Bean
    IntegrationEventHandler<Object> refreshOnExercisePublished(PublicViews views) {
        return views.refreshOn(EventType.EXERCISE_PUBLISHED);
    }

    @Bean
    IntegrationEventHandler<Object> refreshOnExerciseUpdated(PublicViews views) {
        return views.refreshOn(EventType.EXERCISE_UPDATED);
    }

    @Bean
    IntegrationEventHandler<Object> refreshOnExerciseRetired(PublicViews views) {
        return views.refreshOn(EventType.EXERCISE_RETIRED);
    }

    @Bean
    IntegrationEventHandler<ArticlePublished> refreshOnArticlePublished(PublicViews views,
            FeaturedArticles featured) {
        return views.refreshOn(EventType.ARTICLE_PUBLISHED, ArticlePublished.class,
                article -> featured.upsert(FeaturedArticle.of(article)));
    }

    @Bean
    IntegrationEventHandler<ArticlePublished> refreshOnArticleRevised(PublicViews views, FeaturedArticles featured) {
        return views.refreshOn(EventType.ARTICLE_REVISED, ArticlePublished.class,
                article -> featured.upsert(FeaturedArticle.of(article)));
    }

    @Bean
    IntegrationEventHandler<ArticleUnpublished> refreshOnArticleUnpublished(PublicViews views,
            FeaturedArticles featured) {
        return views.refreshOn(EventType.ARTICLE_UNPUBLISHED, ArticleUnpublished.class,
                article -> featured.remove(article.articleId()));
    }
}
