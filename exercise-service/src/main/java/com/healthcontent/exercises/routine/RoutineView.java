package com.healthcontent.exercises.routine;

import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.WorkflowView;
import com.healthcontent.exercises.exercise.Dose;
import com.healthcontent.provenance.ContentDigest;
import java.time.Instant;
import java.util.List;

/**
 * A routine with its exercises in order, each with the dose that applies here, and the total time. Readers get the
 * live version with the reviewers who approved it and its revision; staff get the working copy with its
 * {@code workflow}.
 */
public record RoutineView(
        String id,
        String slug,
        String name,
        String goal,
        ContentStatus status,
        List<Step> exercises,
        int totalDurationSeconds,
        Instant publishedAt,
        Instant lastPublishedAt,
        Integer revision,
        List<MedicalReview> reviewedBy,
        WorkflowView workflow,
        long version,
        String contentDigest) {

    public record Step(int position, String exerciseId, String slug, String name, Dose dose, int durationSeconds) {}

    static RoutineView of(Routine routine, RoutineContent content, List<Step> steps, WorkflowView workflow) {
        boolean forReaders = workflow == null;
        return new RoutineView(
                routine.id(),
                routine.slug(),
                content.name(),
                content.goal(),
                forReaders ? ContentStatus.PUBLISHED : routine.status(),
                steps,
                steps.stream().mapToInt(Step::durationSeconds).sum(),
                routine.publishedAt(),
                routine.lastPublishedAt(),
                routine.isLive() ? routine.workflow().publications() : null,
                routine.reviewedBy(),
                workflow,
                routine.currentVersion(),
                forReaders ? ContentDigest.of(content) : null);
    }
}
