package com.healthcontent.readersite.exercises;

import java.time.Instant;
import java.util.List;

/** A published exercise as readers see it ({@code GET /api/v1/exercises/{slug}}). */
public record Exercise(
        String id,
        String slug,
        String name,
        String summary,
        String position,
        List<String> bodyRegions,
        String difficulty,
        List<String> equipment,
        List<String> steps,
        List<String> precautions,
        List<String> contraindications,
        List<String> variations,
        String whenToSeeSpecialist,
        Dose dose,
        List<Reviewer> reviewedBy,
        List<ArticleLink> featuredIn,
        Integer sessionSeconds,
        Instant publishedAt,
        Integer revision,
        String contentDigest) {

    public Exercise {
        bodyRegions = bodyRegions == null ? List.of() : bodyRegions;
        equipment = equipment == null ? List.of() : equipment;
        steps = steps == null ? List.of() : steps;
        precautions = precautions == null ? List.of() : precautions;
        contraindications = contraindications == null ? List.of() : contraindications;
        variations = variations == null ? List.of() : variations;
        reviewedBy = reviewedBy == null ? List.of() : reviewedBy;
        featuredIn = featuredIn == null ? List.of() : featuredIn;
    }

    public String doseInWords() {
        return dose == null ? "" : dose.inWords();
    }

    public String positionInWords() {
        return words(position);
    }

    public String bodyRegionsInWords() {
        return String.join(", ", bodyRegions.stream().map(Exercise::words).toList());
    }

    public String difficultyInWords() {
        return words(difficulty);
    }

    public record Reviewer(String name, String credentials, Instant approvedAt) {}

    public record ArticleLink(String slug, String title) {}

    /** "LYING_ON_BACK" as a reader says it: "lying on back". */
    static String words(String constant) {
        return constant == null
                ? ""
                : constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
