package com.healthcontent.exercises.exercise;

import com.healthcontent.exercises.featured.FeaturedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An exercise as clients see it. {@code notice} explains a retired exercise to a reader who followed an old link. */
public record ExerciseView(
        String id,
        String slug,
        String name,
        String summary,
        List<BodyRegion> bodyRegions,
        Position position,
        List<String> equipment,
        Difficulty difficulty,
        List<String> steps,
        Dose dose,
        Map<String, Object> fhirTiming,
        List<String> precautions,
        List<String> contraindications,
        String whenToSeeSpecialist,
        List<Media> media,
        List<String> variations,
        int sessionSeconds,
        String author,
        List<String> medicalReviewers,
        ExerciseStatus status,
        Instant publishedAt,
        Instant updatedAt,
        String notice,
        List<ArticleLink> featuredIn,
        long version) {

    public record ArticleLink(String slug, String title) {
    }

    static ExerciseView of(Exercise exercise, List<FeaturedArticle> featuredIn) {
        ExerciseContent c = exercise.content();
        String notice = exercise.status() == ExerciseStatus.RETIRED
                ? "This exercise has been retired and is no longer recommended; ask a clinician before doing it."
                : null;
        return new ExerciseView(exercise.id(), exercise.slug(), c.name(), c.summary(), c.bodyRegions(), c.position(),
                c.equipment(), c.difficulty(), c.steps(), c.dose(), c.dose().fhirTiming(), c.precautions(),
                c.contraindications(), c.whenToSeeSpecialist(), c.media(), c.variations(), exercise.sessionSeconds(),
                exercise.author(), exercise.medicalReviewers(),
                exercise.status(), exercise.publishedAt(), exercise.updatedAt(), notice,
                featuredIn.stream().map(a -> new ArticleLink(a.slug(), a.title())).toList(),
                exercise.currentVersion());
    }

    /** Changes when the exercise or the articles featuring it change; stable across instances. */
    String etag() {
        return "\"" + version + "-" + Integer.toHexString(featuredIn.toString().hashCode()) + "\"";
    }
}
