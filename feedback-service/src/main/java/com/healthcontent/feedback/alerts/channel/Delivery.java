package com.healthcontent.feedback.alerts.channel;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to deliver on one channel: {@code <alertId>:<channel>}, so it is created once. Retried with backoff
 * while it fails, then PARKED for an admin to see and retry: nothing is dropped silently.
 */
@Document("alert_deliveries")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public record Delivery(
        @Id String id,
        String alertId,
        Channel channel,
        String recipient,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant claimedUntil,
        String lastError,
        Instant deliveredAt) {

    public enum Status {
        PENDING,
        SENT,
        PARKED
    }
}
