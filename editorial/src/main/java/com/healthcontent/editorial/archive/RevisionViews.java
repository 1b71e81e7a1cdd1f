package com.healthcontent.editorial.archive;

import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import java.time.Instant;
import java.util.List;

/** What staff read of the archive, the same for every content type. */
public final class RevisionViews {

    private RevisionViews() {}

    /** A published version without its content: enough to list them. */
    public record RevisionSummary(
            int number,
            Instant publishedAt,
            String publishedBy,
            List<ArchivedRevision.Approval> approvals,
            String digest) {

        public static RevisionSummary of(ArchivedRevision revision) {
            return new RevisionSummary(
                    revision.number(),
                    revision.publishedAt(),
                    revision.publishedBy(),
                    revision.approvals(),
                    revision.digest());
        }
    }

    /** One published version with its content exactly as published. */
    public record Revision<T>(
            int number,
            Instant publishedAt,
            String publishedBy,
            List<ArchivedRevision.Approval> approvals,
            String digest,
            T content) {

        public static <T> Revision<T> of(ArchivedRevision revision, T content) {
            return new Revision<>(
                    revision.number(),
                    revision.publishedAt(),
                    revision.publishedBy(),
                    revision.approvals(),
                    revision.digest(),
                    content);
        }
    }

    /** What changed from one published version to another. */
    public record Comparison(int from, int to, List<RevisionDiff.Change> changes) {}

    /** A revision number from a path; anything else names no revision (404), as an unknown number does. */
    public static int number(String contentId, String number) {
        if (!number.matches("\\d{1,9}")) {
            throw new ResourceNotFoundException("Revision", contentId + "/" + number);
        }
        return Integer.parseInt(number);
    }
}
