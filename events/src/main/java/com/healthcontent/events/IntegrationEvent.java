package com.healthcontent.events;

import java.util.Objects;

/**
 * An event a domain step raised: its type, the aggregate it happened to (the Kafka key, so one aggregate's events
 * stay in order), the aggregate's public handle and the event's record. Plain data: the messaging module gives it an
 * id, a time, its source and the trace of the request when it stores it with the change.
 */
public record IntegrationEvent(EventType type, String aggregateId, String subject, Object data) {

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
