package com.healthcontent.servicedefaults.events;

import com.healthcontent.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An event waiting to be published, stored inside the aggregate's own document (field {@code outbox}) so that
 * the change and its event are written in one single-document write: either both happen or neither.
 * {@link OutboxRelay} publishes it and then removes it.
 */
public record OutboxEvent(String id, String topic, String key, String type, String subject, Instant time,
                          String source, String data) {

    public EventEnvelope toEnvelope() {
        return new EventEnvelope(id, source, type, subject, time, key, topic, data.getBytes(StandardCharsets.UTF_8));
    }
}
