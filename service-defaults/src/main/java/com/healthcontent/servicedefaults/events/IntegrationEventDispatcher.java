package com.healthcontent.servicedefaults.events;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Kafka listener of a service: reads the CloudEvent, skips what was handled before, hands the typed
 * data to its handler and then records the event as processed. A record that is not a valid CloudEvent or
 * whose data does not bind throws, which the error handler sends to the dead-letter topic without retrying.
 */
public class IntegrationEventDispatcher implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventDispatcher.class);

    private final Map<EventType, IntegrationEventHandler<Object>> handlers = new EnumMap<>(EventType.class);
    private final String group;
    private final boolean deduplicate;
    private final ProcessedEvents processedEvents;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meterRegistry;

    @SuppressWarnings("unchecked")
    public IntegrationEventDispatcher(String group, boolean deduplicate, Collection<IntegrationEventHandler<?>> handlers,
            ProcessedEvents processedEvents, JsonMapper jsonMapper, MeterRegistry meterRegistry) {
        this.group = group;
        this.deduplicate = deduplicate;
        for (IntegrationEventHandler<?> handler : handlers) {
            if (this.handlers.put(handler.type(), (IntegrationEventHandler<Object>) handler) != null) {
                throw new IllegalStateException("Two handlers for " + handler.type());
            }
        }
        this.processedEvents = processedEvents;
        this.jsonMapper = jsonMapper;
        this.meterRegistry = meterRegistry;
    }

    public String group() {
        return group;
    }

    public Collection<String> topics() {
        return handlers.keySet().stream().map(EventType::topic).distinct().toList();
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventEnvelope.fromConsumerRecord(record);
        Optional<EventType> type = EventType.ofCeType(envelope.type());
        IntegrationEventHandler<Object> handler = type.map(handlers::get).orElse(null);
        if (handler == null) {
            return; // a type this service does not use, or does not know yet
        }
        if (deduplicate && processedEvents.contains(group, envelope.id())) {
            count(envelope, "duplicate");
            log.debug("Event {} ({}) already handled, skipped", envelope.id(), envelope.type());
            return;
        }
        Object data;
        try {
            data = jsonMapper.readValue(envelope.data(), handler.type().dataType());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Event " + envelope.id() + " data does not bind to "
                    + handler.type().dataType().getSimpleName() + ": " + e.getMessage(), e);
        }
        handler.handle(data, envelope);
        if (deduplicate) {
            processedEvents.record(group, envelope.id(), envelope.type());
        }
        count(envelope, "handled");
    }

    private void count(EventEnvelope envelope, String outcome) {
        meterRegistry.counter("platform.events.consumed", "group", group, "type", envelope.type(), "outcome", outcome)
                .increment();
    }
}
