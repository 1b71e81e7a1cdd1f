package com.healthcontent.articles.exercises;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What article-service knows of an exercise, from {@code exercise.events}: enough to validate and render a block. */
@Document("exercise_summaries")
public record ExerciseSummary(
        @Id String exerciseId,
        String slug,
        String name,
        String summary,
        List<String> bodyRegions,
        String position,
        boolean retired,
        long version) {}
