package com.healthcontent.exercises.exercise;

import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.review.WorkflowView;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.exercises.featured.FeaturedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An exercise as clients see it: readers get the live, approved version with the reviewers who approved it; staff
 * get the working copy with its {@code workflow}. {@code notice} explains a retired exercise to a reader who
 * followed an old link.
 */
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
        List<MedicalReview> reviewedBy,
        ContentStatus status,
        Instant publishedAt,
        Instant updatedAt,
        String notice,
        List<ArticleLink> featuredIn,
        WorkflowView workflow,
        long version,
        Integer revision,
        String contentDigest) {

    public record ArticleLink(String slug, String title) {}

    /** The live version, for readers. */
    static ExerciseView published(Exercise exercise, List<FeaturedArticle> featuredIn, String contentDigest) {
        String notice = exercise.isRetired()
                ? "This exercise has been retired and is no longer recommended; ask a clinician before doing it."
                : null;
        ContentStatus shown = exercise.isRetired() ? ContentStatus.RETIRED : ContentStatus.PUBLISHED;
        return of(
                exercise,
                exercise.content(),
                exercise.reviewedBy(),
                shown,
                exercise.lastPublishedAt(),
                notice,
                featuredIn,
                null,
                exercise.workflow().publications(),
                contentDigest);
    }

    /** The working copy and its workflow, for staff. */
    static ExerciseView draft(
            Exercise exercise, List<FeaturedArticle> featuredIn, Function<String, StaffProfile> people) {
        WorkflowView workflow = WorkflowView.of(exercise.workflow(), exercise.isLive(), people);
        return of(
                exercise,
                exercise.draft(),
                exercise.reviewedBy(),
                exercise.status(),
                exercise.updatedAt(),
                null,
                featuredIn,
                workflow,
                null,
                null);
    }

    private static ExerciseView of(
            Exercise exercise,
            ExerciseContent c,
            List<MedicalReview> reviewedBy,
            ContentStatus status,
            Instant updatedAt,
            String notice,
            List<FeaturedArticle> featuredIn,
            WorkflowView workflow,
            Integer revision,
            String contentDigest) {
        return new ExerciseView(
                exercise.id(),
                exercise.slug(),
                c.name(),
                c.summary(),
                c.bodyRegions(),
                c.position(),
                c.equipment(),
                c.difficulty(),
                c.steps(),
                c.dose(),
                c.dose().fhirTiming(),
                c.precautions(),
                c.contraindications(),
                c.whenToSeeSpecialist(),
                c.media(),
                c.variations(),
                c.dose().maxSessionSeconds(),
                exercise.author(),
                reviewedBy.stream().map(MedicalReview::reviewer).toList(),
                reviewedBy,
                status,
                exercise.publishedAt(),
                updatedAt,
                notice,
                featuredIn.stream()
                        .map(a -> new ArticleLink(a.slug(), a.title()))
                        .toList(),
                workflow,
                exercise.currentVersion(),
                revision,
                contentDigest);
    }

    static ReviewQueue.Item queued(Exercise exercise, boolean due) {
        ExerciseContent content = due ? exercise.content() : exercise.draft();
        return ReviewQueue.item(
                new Workflow.Subject(ContentKind.EXERCISE, exercise.id(), exercise.slug(), content.name()),
                exercise.workflow(),
                due);
    }
}
