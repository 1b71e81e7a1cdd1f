package com.healthcontent.events;

import java.util.Objects;

/**
 * An event a domain step raised: its type, the aggregate it happened to (the Kafka key, so one aggregate's events
 * stay in order), the aggregate's public handle and the event's record. Plain data: the messaging module gives it a
 * time, its source and the trace of the request when it stores it with the change, and an id unless it has one.
 *
 * @param id null for a fresh id; a step that may have to announce the same event again (a consumer's poll delivered
 *           again after a crash, before the broker had its events) derives it from what it announces, so that
 *           consumers recognise the repeat
 */
public record IntegrationEvent(EventType type, String aggregateId, String subject, Object data, String id) {

    public IntegrationEvent(EventType type, String aggregateId, String subject, Object data) {
        this(type, aggregateId, subject, data, null);
    }

    /** The same event under an id of its own choosing. */
    public IntegrationEvent withId(String id) {
        return new IntegrationEvent(type, aggregateId, subject, data, Objects.requireNonNull(id, "id"));
    }

    public IntegrationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
        if (!type.dataType().isInstance(data)) {
            throw new IllegalArgumentException(
                    type + " carries " + type.dataType().getSimpleName() + ", not "
                            + data.getClass().getSimpleName());
        }
    }
}
