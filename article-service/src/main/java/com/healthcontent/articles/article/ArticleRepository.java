package com.healthcontent.articles.article;

import com.healthcontent.editorial.review.ContentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ArticleRepository extends MongoRepository<Article, String> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Article> findBySlugIn(Collection<String> slugs);

    List<Article> findTop50ByWorkflowStatusAndWorkflowNextReviewDueLessThanEqual(ContentStatus status, Instant now);

    List<Article> findTop50ByWorkflowStatusAndWorkflowScheduledForLessThanEqual(ContentStatus status, Instant now);

    List<Article> findTop50ByWorkflowExpiryAtLessThanEqualAndLiveIsNotNull(Instant now);
}
