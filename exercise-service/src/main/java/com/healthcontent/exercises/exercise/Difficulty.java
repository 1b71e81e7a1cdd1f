package com.healthcontent.exercises.exercise;

public enum Difficulty {
    GENTLE,
    MODERATE,
    CHALLENGING
}
