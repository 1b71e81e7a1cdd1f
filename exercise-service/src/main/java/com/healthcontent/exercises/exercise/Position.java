package com.healthcontent.exercises.exercise;

/** The starting position, which is how readers with limited mobility choose what they can do. */
public enum Position {
    LYING_ON_BACK,
    LYING_ON_FRONT,
    LYING_ON_SIDE,
    KNEELING,
    ALL_FOURS,
    SITTING,
    STANDING
}
