package com.healthcontent.events;

import java.time.Instant;
import java.util.List;

/**
 * The public summary of an exercise when it is published or a published exercise changes: enough for
 * article-service to validate and render an exercise block, and for feedback-service to know who reviews it.
 */
public record ExercisePublished(
        String exerciseId,
        String slug,
        String name,
        String summary,
        List<String> bodyRegions,
        String position,
        String author,
        List<String> medicalReviewers,
        Instant publishedAt,
        long version) {

    public ExercisePublished {
        bodyRegions = bodyRegions == null ? List.of() : List.copyOf(bodyRegions);
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
    }
}
