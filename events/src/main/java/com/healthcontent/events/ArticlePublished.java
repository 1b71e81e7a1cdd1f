package com.healthcontent.events;

import java.time.Instant;
import java.util.List;

/**
 * The public state of an article when it is published or republished after a revision: what other
 * services keep of it (which exercises it features, who answers for its medical content).
 */
public record ArticlePublished(
        String articleId,
        String slug,
        String title,
        String summary,
        List<String> tags,
        String author,
        List<String> medicalReviewers,
        List<String> exerciseIds,
        Instant publishedAt,
        int revision) {

    public ArticlePublished {
        tags = tags == null ? List.of() : List.copyOf(tags);
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
        exerciseIds = exerciseIds == null ? List.of() : List.copyOf(exerciseIds);
    }
}
