package com.healthcontent.exercises.exercise;

import com.healthcontent.servicedefaults.text.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of POST and PUT /api/v1/exercises. Dose rules live in {@link Dose} itself; texts are kept as sent. */
public record ExerciseRequest(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
        @Size(max = 120)
        String slug,

        @NotBlank @Size(max = 120) @SafeText String name,
        @NotBlank @Size(max = 500) @SafeText String summary,
        @NotEmpty @Size(max = 6) List<@NotNull BodyRegion> bodyRegions,
        @NotNull Position position,
        @Size(max = 10) List<@NotBlank @Size(max = 60) @SafeText String> equipment,
        Difficulty difficulty,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) @SafeText String> steps,
        @NotNull @Valid Dose dose,
        @Size(max = 20) List<@NotBlank @Size(max = 500) @SafeText String> precautions,
        @Size(max = 20) List<@NotBlank @Size(max = 500) @SafeText String> contraindications,
        @Size(max = 1000) @SafeText String whenToSeeSpecialist,
        @Size(max = 10) List<@NotNull @Valid Media> media,

        @Size(max = 10)
        List<@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be an exercise slug") String> variations) {

    ExerciseContent content() {
        return new ExerciseContent(
                name,
                summary,
                bodyRegions,
                position,
                equipment,
                difficulty == null ? Difficulty.GENTLE : difficulty,
                steps,
                dose,
                precautions,
                contraindications,
                whenToSeeSpecialist,
                media,
                variations);
    }
}
