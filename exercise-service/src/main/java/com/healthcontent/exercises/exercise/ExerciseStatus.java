package com.healthcontent.exercises.exercise;

/**
 * The state of an exercise's working copy in the medical-review workflow. Readers see the live version whenever
 * there is one, whatever the working copy is doing; a retired exercise stays readable by its slug (links in old
 * articles keep working) but leaves every list.
 */
public enum ExerciseStatus {
    DRAFT,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    PUBLISHED,
    RETIRED
}
