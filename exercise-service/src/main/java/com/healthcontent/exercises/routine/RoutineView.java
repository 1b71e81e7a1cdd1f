package com.healthcontent.exercises.routine;

import com.healthcontent.exercises.exercise.Dose;
import java.time.Instant;
import java.util.List;

/** A routine with its exercises in order, each with the dose that applies here, and the total time. */
public record RoutineView(
        String id,
        String slug,
        String name,
        String goal,
        RoutineStatus status,
        List<Step> exercises,
        int totalDurationSeconds,
        Instant publishedAt) {

    public record Step(int position, String exerciseId, String slug, String name, Dose dose, int durationSeconds) {}
}
