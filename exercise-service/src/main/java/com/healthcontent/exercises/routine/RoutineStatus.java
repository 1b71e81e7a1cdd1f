package com.healthcontent.exercises.routine;

public enum RoutineStatus {
    DRAFT,
    PUBLISHED
}
