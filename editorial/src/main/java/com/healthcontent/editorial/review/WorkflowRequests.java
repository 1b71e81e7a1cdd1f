package com.healthcontent.editorial.review;

import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.text.SafeText;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The bodies of the workflow's requests, the same for every reviewed content type. */
public final class WorkflowRequests {

    private WorkflowRequests() {}

    public enum Outcome {
        APPROVED,
        CHANGES_REQUESTED
    }

    /** A submission, or an editor's new set of reviewers: usernames from the staff directory. */
    public record SubmissionRequest(
            @NotEmpty @Size(max = ReviewRound.MAX_REVIEWERS)
            List<@NotNull @Size(min = 1, max = 64) String> reviewers) {}

    /** Who approved is shown with their name and credentials from the staff directory, not typed per review. */
    public record ReviewRequest(
            @NotNull Outcome outcome,
            @Size(max = 5000) @SafeText String notes) {

        public boolean approved() {
            return outcome == Outcome.APPROVED;
        }
    }

    public record WithdrawalRequest(
            @Size(max = 2000) @SafeText String reason) {}

    /** Why content is taken down or flagged for review: required, and shown to staff in its history. */
    public record ReasonRequest(
            @NotNull @Size(min = 1, max = 2000) @SafeText String reason) {}

    /**
     * An empty body publishes now; {@code at} schedules the publication; {@code until} with a {@code reason} ends it
     * then (unpublished, or for an exercise retired), as an editor would by hand.
     */
    public record PublicationRequest(
            Instant at,
            Instant until,
            @Size(max = 2000) @SafeText String reason) {

        /** The period of a publication made at once, where scheduling is not offered ({@code at}: 400). */
        public static Workflow.Expiry immediate(PublicationRequest request) {
            if (request == null) {
                return null;
            }
            if (request.at() != null) {
                throw new InvalidInputException("at", "this content is published at once; leave out at");
            }
            return request.expiry();
        }

        /** The publication period asked for, or null for none. */
        public Workflow.Expiry expiry() {
            if (until == null) {
                if (reason != null) {
                    throw new InvalidInputException("until", "a reason is given only with the time it applies from");
                }
                return null;
            }
            return new Workflow.Expiry(until, reason);
        }
    }
}
