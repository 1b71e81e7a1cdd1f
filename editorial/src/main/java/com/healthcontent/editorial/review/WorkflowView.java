package com.healthcontent.editorial.review;

import com.healthcontent.editorial.staff.StaffProfile;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Where a working copy is in its review, for staff: who wrote it, whom it waits for, who approved, the live
 * revision it will replace, and each step with the name of who took it.
 */
public record WorkflowView(
        ContentStatus status,
        String authorName,
        List<String> medicalReviewers,
        List<String> awaiting,
        List<MedicalReview> approvals,
        Instant submittedAt,
        Integer liveRevision,
        Instant nextReviewDue,
        Instant scheduledFor,
        Workflow.Expiry publishedUntil,
        List<WorkflowStep.Named> history) {

    public static WorkflowView of(Workflow workflow, boolean live, Function<String, StaffProfile> people) {
        return new WorkflowView(
                workflow.status(),
                people.apply(workflow.author()).name(),
                workflow.medicalReviewers(),
                workflow.reviewRound().awaiting(),
                workflow.approvals(),
                workflow.submittedAt(),
                live ? workflow.publications() : null,
                workflow.nextReviewDue(),
                workflow.scheduledFor(),
                workflow.expiry(),
                WorkflowStep.named(workflow.history(), people));
    }
}
