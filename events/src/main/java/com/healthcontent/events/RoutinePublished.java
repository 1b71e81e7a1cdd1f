package com.healthcontent.events;

import java.time.Instant;
import java.util.List;

/**
 * A routine's approved version went live: its first publication, or a revision replacing the live one
 * ({@code revision} counts publications, so consumers can order them).
 */
public record RoutinePublished(
        String routineId,
        String slug,
        String name,
        String goal,
        List<String> exerciseIds,
        String author,
        List<String> medicalReviewers,
        Instant publishedAt,
        int revision) {

    public RoutinePublished {
        exerciseIds = exerciseIds == null ? List.of() : List.copyOf(exerciseIds);
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
    }
}
