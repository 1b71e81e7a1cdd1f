package com.healthcontent.feedback.alerts.channel;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A delivery as admins see it: where it stands and why it failed; the sender's lease stays internal. Named
 * {@code Delivery} in the API, as it always was.
 */
@Schema(name = "Delivery")
record DeliveryView(
        String id,
        String alertId,
        Channel channel,
        String recipient,
        Delivery.Status status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant deliveredAt) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(
                delivery.id(),
                delivery.alertId(),
                delivery.channel(),
                delivery.recipient(),
                delivery.status(),
                delivery.attempts(),
                delivery.nextAttemptAt(),
                delivery.lastError(),
                delivery.deliveredAt());
    }
}
