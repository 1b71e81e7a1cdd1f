package com.healthcontent.exercises.exercise;

/** A retired exercise stays readable by its slug (links in old articles keep working) but leaves every list. */
public enum ExerciseStatus {
    DRAFT, PUBLISHED, RETIRED
}
