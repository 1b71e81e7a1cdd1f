package com.healthcontent.exercises.exercise;

public enum BodyRegion {
    NECK,
    UPPER_BACK,
    MID_BACK,
    LOWER_BACK,
    SHOULDERS,
    CHEST,
    CORE,
    HIPS,
    GLUTES,
    HAMSTRINGS,
    KNEES,
    ANKLES,
    ELBOWS,
    WRISTS_AND_HANDS,
    FULL_BODY
}
