package com.healthcontent.editorial.review;

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

    /** An empty body publishes now; {@code at} schedules the publication. */
    public record PublicationRequest(Instant at) {}
}
