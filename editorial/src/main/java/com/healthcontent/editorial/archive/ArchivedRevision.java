package com.healthcontent.editorial.archive;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * A published version of a piece of content, kept as it was published and never changed: its number (the
 * publication count, as readers see it in {@code revision}), the content reviewers approved, their approvals as they
 * were at the time (name, credentials, date, notes), when and by whom it was published, and its {@link ContentDigest}.
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
        String digest) {

    /** A reviewer's approval of this version as it was recorded: who, their name and credentials then, when, notes. */
    public record Approval(String reviewer, String name, String credentials, Instant reviewedAt, String notes) {}

    public static String idOf(String contentType, String contentId, int number) {
        return contentType + ":" + contentId + ":" + number;
    }
}
