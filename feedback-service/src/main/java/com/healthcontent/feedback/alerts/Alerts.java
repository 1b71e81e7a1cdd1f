package com.healthcontent.feedback.alerts;

import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.ReviewerAlerted;
import com.healthcontent.feedback.alerts.channel.Deliveries;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Raises one alert for one recipient: into their inbox, to their live streams (the reviewer-alerted event, in the
 * alert's own write) and to their e-mail or webhook as their preferences say. The alert's id is made of its source
 * and recipient, so a redelivered event, or two instances handling it together, make one alert.
 */
@Component
class Alerts {

    /** What an alert is about, as the inbox shows it. */
    record Target(ContentType type, String id, String slug, String title) {}

    private final MongoTemplate mongoTemplate;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final AlertSettings settings;
    private final Clock clock;

    Alerts(MongoTemplate mongoTemplate, Outbox outbox, Deliveries deliveries, AlertSettings settings, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    void raise(
            String source,
            String recipient,
            AlertKind kind,
            String reportId,
            Target target,
            String reason,
            String detail) {
        Instant now = clock.instant();
        String id = source + ":" + recipient;
        Alert alert = new Alert(
                id,
                recipient,
                kind,
                reportId,
                target.type(),
                target.id(),
                target.slug(),
                target.title(),
                reason,
                detail,
                now,
                null);
        IntegrationEvent alerted = new IntegrationEvent(
                EventType.REVIEWER_ALERTED,
                target.id(),
                target.slug(),
                new ReviewerAlerted(
                        id,
                        recipient,
                        kind.name(),
                        reportId,
                        target.type().name(),
                        target.id(),
                        target.slug(),
                        target.title(),
                        reason,
                        now));
        try {
            outbox.insert(Changed.of(alert, alerted));
        } catch (DuplicateKeyException alreadyAlerted) {
            alert = mongoTemplate.findById(id, Alert.class); // redelivery: make sure its deliveries are planned
        }
        deliveries.plan(alert, settings.of(recipient));
    }
}
