package com.healthcontent.exercises.featured;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps {@link FeaturedArticles} in step with article.events: published and republished in, unpublished out. */
@Configuration(proxyBeanMethods = false)
class ArticleEventHandlers {

    @Bean
    IntegrationEventHandler<ArticlePublished> articlePublished(FeaturedArticles featured) {
        return IntegrationEventHandler.of(EventType.ARTICLE_PUBLISHED, ArticlePublished.class,
                article -> featured.upsert(FeaturedArticle.of(article)));
    }

    @Bean
    IntegrationEventHandler<ArticlePublished> articleRevised(FeaturedArticles featured) {
        return IntegrationEventHandler.of(EventType.ARTICLE_REVISED, ArticlePublished.class,
                article -> featured.upsert(FeaturedArticle.of(article)));
    }

    @Bean
    IntegrationEventHandler<ArticleUnpublished> articleUnpublished(FeaturedArticles featured) {
        return IntegrationEventHandler.of(EventType.ARTICLE_UNPUBLISHED, ArticleUnpublished.class,
                article -> featured.remove(article.articleId()));
    }
}
