package com.healthcontent.readersite.exercises;

import java.time.Instant;
import java.util.List;

/** A published routine: its exercises in order, each with the dose that applies in it. */
public record Routine(
        String id,
        String slug,
        String name,
        String goal,
        List<Step> exercises,
        List<Exercise.Reviewer> reviewedBy,
        Integer totalDurationSeconds,
        Instant publishedAt,
        Integer revision) {

    public Routine {
        exercises = exercises == null ? List.of() : exercises;
        reviewedBy = reviewedBy == null ? List.of() : reviewedBy;
    }

    public record Step(
            String exerciseId, String slug, String name, Integer position, Dose dose, Integer durationSeconds) {

        public String doseInWords() {
            return dose == null ? "" : dose.inWords();
        }
    }

    /** "About 12 minutes". */
    public String durationInWords() {
        if (totalDurationSeconds == null || totalDurationSeconds <= 0) {
            return "";
        }
        int minutes = Math.max(1, Math.round(totalDurationSeconds / 60f));
        return "About " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
