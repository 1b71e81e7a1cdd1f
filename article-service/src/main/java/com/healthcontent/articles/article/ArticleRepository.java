package com.healthcontent.articles.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ArticleRepository extends MongoRepository<Article, String> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Article> findBySlugIn(Collection<String> slugs);

    List<Article> findTop50ByStatusAndNextReviewDueLessThanEqual(ArticleStatus status, Instant now);

    List<Article> findTop50ByStatusAndScheduledForLessThanEqual(ArticleStatus status, Instant now);
}
