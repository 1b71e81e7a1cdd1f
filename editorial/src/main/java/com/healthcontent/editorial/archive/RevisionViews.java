package com.healthcontent.editorial.archive;

import com.healthcontent.editorial.approval.ApprovalKeysController;
import com.healthcontent.provenance.ApprovalRecord;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.problem.Violations;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

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

    /**
     * What readers get to check a page: the signed {@code record} (verify it under {@code keys}; {@code claims} is what
     * it says, for reading) and the approved {@code content} in the canonical form its digest is taken of.
     */
    public record SignedApproval(
            @Schema(description = "the compact JWS (ES256, typ approval+jwt) to verify")
            String record,

            @Schema(description = "what the record says, for reading; verify the record itself")
            ApprovalRecord claims,

            @Schema(
                    implementation = Object.class,
                    description = "the approved content in canonical form: its SHA-256 is the signed digest")
            JsonNode content,

            @Schema(description = "where the keys that verify the record are published")
            String keys) {

        public SignedApproval(String record, JsonNode content) {
            this(record, ApprovalRecord.unverified(record), content, ApprovalKeysController.PATH);
        }

        /**
         * Revalidated like the page it is the record of (it changes when a new revision goes live); a client holding
         * this revision's record gets a 304.
         */
        public ResponseEntity<SignedApproval> response(WebRequest request) {
            String etag =
                    "\"" + claims.revision() + "-" + claims.contentDigest().substring("sha256:".length()) + "\"";
            CacheControl revalidated = CacheControl.noCache().cachePublic();
            if (request.checkNotModified(etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                        .eTag(etag)
                        .cacheControl(revalidated)
                        .build();
            }
            return ResponseEntity.ok().eTag(etag).cacheControl(revalidated).body(this);
        }
    }

    /** What changed from one published version to another. */
    public record Comparison(int from, int to, List<RevisionDiff.Change> changes) {

        /**
         * The comparison of two published versions of one item: {@code requireItem} first (an unknown item is a 404
         * before anything about the request), then a 400 naming a missing {@code from} or {@code to}, then each
         * version's content ({@code contentOf}: a 404 for a number never published).
         */
        public static Comparison of(Runnable requireItem, Integer from, Integer to, IntFunction<Object> contentOf) {
            requireItem.run();
            new Violations()
                    .require(from != null, "from", "is required: the number of the earlier revision")
                    .require(to != null, "to", "is required: the number of the later revision")
                    .throwIfAny();
            return new Comparison(from, to, RevisionDiff.between(contentOf.apply(from), contentOf.apply(to)));
        }
    }

    /** A revision number from a path; anything else names no revision (404), as an unknown number does. */
    public static int number(String contentId, String number) {
        if (!number.matches("\\d{1,9}")) {
            throw new ResourceNotFoundException("Revision", contentId + "/" + number);
        }
        return Integer.parseInt(number);
    }
}
