package com.healthcontent.editorial.archive;

import com.healthcontent.provenance.ContentDigest;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * A published version of a piece of content, kept as it was published and never changed: its number (the
 * publication count, as readers see it in {@code revision}), the content reviewers approved, their approvals as they
 * were at the time (name, credentials, date, notes), when and by whom it was published, its {@link ContentDigest},
 * and the platform's signed approval record of all that ({@code approvalRecord}, a compact JWS; missing on versions
 * archived before records were signed, until one is first asked for).
 */
@org.springframework.data.mongodb.core.mapping.Document("revisions")
public record ArchivedRevision(
        @Id String id,
        String contentType,
        String contentId,
        String slug,
        int number,
        Document content,
        List<Approval> approvals,
        Instant publishedAt,
        String publishedBy,
        String digest,
        String approvalRecord) {

    /** A reviewer's approval of this version as it was recorded: who, their name and credentials then, when, notes. */
    public record Approval(String reviewer, String name, String credentials, Instant reviewedAt, String notes) {}

    public ArchivedRevision withApprovalRecord(String record) {
        return new ArchivedRevision(
                id, contentType, contentId, slug, number, content, approvals, publishedAt, publishedBy, digest, record);
    }

    public static String idOf(String contentType, String contentId, int number) {
        return contentType + ":" + contentId + ":" + number;
    }
}
