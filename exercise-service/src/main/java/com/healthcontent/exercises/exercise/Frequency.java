package com.healthcontent.exercises.exercise;

import com.healthcontent.servicedefaults.problem.InvalidInputException;

/** How often, as a range per day or week ("3 to 5 times a day"): FHIR Timing's frequency, frequencyMax, period. */
public record Frequency(int min, int max, Per per) {

    public enum Per {
        DAY,
        WEEK;

        String fhirUnit() {
            return this == DAY ? "d" : "wk";
        }

        int limit() {
            return this == DAY ? 24 : 50;
        }
    }

    public Frequency {
        if (per == null) {
            throw new InvalidInputException("per", "is required (DAY or WEEK)");
        }
        if (min < 1 || min > per.limit()) {
            throw new InvalidInputException("min", "must be between 1 and " + per.limit() + " per " + per);
        }
        if (max < min || max > per.limit()) {
            throw new InvalidInputException("max", "must be between min (" + min + ") and " + per.limit());
        }
    }
}
