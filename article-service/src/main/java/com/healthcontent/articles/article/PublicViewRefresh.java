package com.healthcontent.articles.article;

import com.healthcontent.articles.exercises.ExerciseSummaries;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import com.healthcontent.servicedefaults.web.PublicViews;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public article views of this instance, and what drops them on every instance: any article event (a page,
 * or the related and recent links of all pages, changed) and any exercise event (a card changed), the card being
 * stored first so that no view is rebuilt with the old one.
 */
@Configuration(proxyBeanMethods = false)
class PublicViewRefresh {

    @Bean
    PublicViews publicArticleViews(MeterRegistry meterRegistry,
            @Value("${platform.articles.public-views.size}") long size,
            @Value("${platform.articles.public-views.expiry}") Duration expiry) {
        return new PublicViews("article.public.views", size, expiry, meterRegistry);
    }

    @Bean
    IntegrationEventHandler<Object> refreshOnArticlePublished(PublicViews views) {
        return views.refreshOn(EventType.ARTICLE_PUBLISHED);
    }

    @Bean
    IntegrationEventHandler<Object> refreshOnArticleRevised(PublicViews views) {
        return views.refreshOn(EventType.ARTICLE_REVISED);
    }

    @Bean
    IntegrationEventHandler<Object> refreshOnArticleUnpublished(PublicViews views) {
        return views.refreshOn(EventType.ARTICLE_UNPUBLISHED);
    }

    @Bean
    IntegrationEventHandler<Object> refreshOnArticleReviewDue(PublicViews views) {
        return views.refreshOn(EventType.ARTICLE_REVIEW_DUE);
    }

    @Bean
    IntegrationEventHandler<ExercisePublished> refreshOnExercisePublished(PublicViews views,
            ExerciseSummaries exercises) {
        return views.refreshOn(EventType.EXERCISE_PUBLISHED, ExercisePublished.class, exercises::keep);
    }

    @Bean
    IntegrationEventHandler<ExercisePublished> refreshOnExerciseUpdated(PublicViews views,
            ExerciseSummaries exercises) {
        return views.refreshOn(EventType.EXERCISE_UPDATED, ExercisePublished.class, exercises::keep);
    }

    @Bean
    IntegrationEventHandler<ExerciseRetired> refreshOnExerciseRetired(PublicViews views,
            ExerciseSummaries exercises) {
        return views.refreshOn(EventType.EXERCISE_RETIRED, ExerciseRetired.class, exercises::retire);
    }
}
