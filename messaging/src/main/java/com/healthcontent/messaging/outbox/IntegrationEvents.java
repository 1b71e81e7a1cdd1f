package com.healthcontent.messaging.outbox;

import com.healthcontent.events.EventType;
import com.healthcontent.servicedefaults.ids.TimeOrderedIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates outbox events for this service: id, time, source, the JSON data (checked against the type) and the trace
 * context of the work that causes them.
 */
public class IntegrationEvents {

    private final JsonMapper jsonMapper;
    private final String source;
    private final Clock clock;
    private final Tracer tracer;
    private final Propagator propagator;

    public IntegrationEvents(JsonMapper jsonMapper, String serviceName, Clock clock, Tracer tracer,
            Propagator propagator) {
        this.jsonMapper = jsonMapper;
        this.source = "/" + serviceName;
        this.clock = clock;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public OutboxEvent create(EventType type, String aggregateId, String subject, Object data) {
        if (!type.dataType().isInstance(data)) {
            throw new IllegalArgumentException(type + " carries " + type.dataType().getSimpleName() + ", not "
                    + data.getClass().getSimpleName());
        }
        return new OutboxEvent(TimeOrderedIds.next(), type.topic(), aggregateId, type.ceType(), subject,
                clock.instant(), source, jsonMapper.writeValueAsString(data), currentTraceContext());
    }

    private Map<String, String> currentTraceContext() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || propagator == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier;
    }
}
