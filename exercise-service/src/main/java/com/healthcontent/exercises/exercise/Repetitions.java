package com.healthcontent.exercises.exercise;

import com.healthcontent.servicedefaults.problem.InvalidInputException;

/** How many times in a row, as a range ("repeat 4 to 5 times"); a fixed count has min equal to max. */
public record Repetitions(int min, int max) {

    public static final int LIMIT = 100;

    public Repetitions {
        if (min < 1 || min > LIMIT) {
            throw new InvalidInputException("min", "must be between 1 and " + LIMIT);
        }
        if (max < min || max > LIMIT) {
            throw new InvalidInputException("max", "must be between min (" + min + ") and " + LIMIT);
        }
    }
}
