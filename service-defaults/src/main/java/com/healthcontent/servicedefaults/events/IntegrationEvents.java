package com.healthcontent.servicedefaults.events;

import com.healthcontent.events.EventType;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Creates outbox events for this service: id, time, source and the JSON data, checked against the type. */
public class IntegrationEvents {

    private final JsonMapper jsonMapper;
    private final String source;
    private final Clock clock;

    public IntegrationEvents(JsonMapper jsonMapper, String serviceName, Clock clock) {
        this.jsonMapper = jsonMapper;
        this.source = "/" + serviceName;
        this.clock = clock;
    }

    public OutboxEvent create(EventType type, String aggregateId, String subject, Object data) {
        if (!type.dataType().isInstance(data)) {
            throw new IllegalArgumentException(type + " carries " + type.dataType().getSimpleName() + ", not "
                    + data.getClass().getSimpleName());
        }
        return new OutboxEvent(UUID.randomUUID().toString(), type.topic(), aggregateId, type.ceType(), subject,
                clock.instant(), source, jsonMapper.writeValueAsString(data));
    }
}
