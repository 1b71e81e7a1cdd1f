package com.healthcontent.feedback.submission;

import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.servicedefaults.events.OutboxEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reader's feedback, stored with its {@code feedback.submitted} event in one insert: accepted feedback is
 * stored and published, or neither. The comment is plain text and is never rendered as HTML by this service.
 */
@Document("feedback")
@CompoundIndex(name = "target", def = "{'targetType': 1, 'targetId': 1, 'submittedAt': -1}")
public record Feedback(@Id String id, ContentType targetType, String targetId, String targetSlug, boolean helpful,
                       ProblemReason reason, String comment, String tryingTo, Instant submittedAt,
                       List<OutboxEvent> outbox) {

    public Feedback {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public boolean isProblemReport() {
        return reason != null;
    }
}
