package com.healthcontent.exercises.featured;

import com.healthcontent.events.ArticlePublished;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A published article as this service knows it from {@code article.events}: which exercises it features. */
@Document("featured_articles")
public record FeaturedArticle(
        @Id String articleId,
        String slug,
        String title,
        @Indexed List<String> exerciseIds,
        int revision) {

    public static FeaturedArticle of(ArticlePublished article) {
        return new FeaturedArticle(
                article.articleId(), article.slug(), article.title(), article.exerciseIds(), article.revision());
    }
}
