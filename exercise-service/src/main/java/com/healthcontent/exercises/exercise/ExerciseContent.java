package com.healthcontent.exercises.exercise;

import java.util.List;

/** What authors write about an exercise; everything about its lifecycle lives in {@link Exercise}. */
public record ExerciseContent(
        String name,
        String summary,
        List<BodyRegion> bodyRegions,
        Position position,
        List<String> equipment,
        Difficulty difficulty,
        List<String> steps,
        Dose dose,
        List<String> precautions,
        List<String> contraindications,
        String whenToSeeSpecialist,
        List<Media> media,
        List<String> variations) {

    public ExerciseContent {
        bodyRegions = bodyRegions == null ? List.of() : List.copyOf(bodyRegions);
        equipment = equipment == null ? List.of() : List.copyOf(equipment);
        steps = steps == null ? List.of() : List.copyOf(steps);
        precautions = precautions == null ? List.of() : List.copyOf(precautions);
        contraindications = contraindications == null ? List.of() : List.copyOf(contraindications);
        media = media == null ? List.of() : List.copyOf(media);
        variations = variations == null ? List.of() : List.copyOf(variations);
    }
}
