package com.healthcontent.exercises.routine;

import com.healthcontent.exercises.exercise.Dose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** One exercise in a routine, with an optional dose that replaces the exercise's own for this routine. */
public record RoutineItem(
        @NotBlank String exerciseId, @Valid Dose dose) {}
