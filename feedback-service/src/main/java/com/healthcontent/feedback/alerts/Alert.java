package com.healthcontent.feedback.alerts;

import com.healthcontent.events.PublishesEvents;
import com.healthcontent.feedback.content.ContentType;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert for one recipient, in their in-app inbox. Its id is made of what it is about and who gets it
 * ({@code <source>:<recipient>}), so a redelivered event or two racing instances cannot make a second one.
 */
@Document("alerts")
@PublishesEvents
@CompoundIndex(name = "inbox", def = "{'recipient': 1, 'createdAt': -1}")
public record Alert(
        @Id String id,
        String recipient,
        AlertKind kind,
        String reportId,
        ContentType targetType,
        String targetId,
        String targetSlug,
        String targetTitle,
        String reason,
        String detail,
        Instant createdAt,
        Instant readAt) {

    /** Reports of inaccurate content ignore quiet hours and digests: they may be harming readers now. */
    public boolean isUrgent() {
        return "INACCURATE".equals(reason);
    }
}
