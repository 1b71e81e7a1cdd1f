package com.healthcontent.messaging.consumer;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.messaging.CloudEventRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Kafka listener of a consumer group. It takes the records of a poll together: one lookup of which were
 * handled before, then each event in order through its handler (in the trace its record carries), then what the
 * handlers gathered over the poll is written ({@link IntegrationEventHandler#endOfBatch}), then one write records
 * them as processed. An event whose handler fails stops the batch there: the events before it
 * are recorded (their offsets committed by the error handler), it is retried and then dead-lettered, the rest
 * are delivered again. A record that is not a valid CloudEvent or whose data does not bind fails without retry.
 */
public class IntegrationEventDispatcher implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventDispatcher.class);

    /**
     * Spring Kafka's record observation under a name of its own: the container already times whole batches as
     * {@code spring.kafka.listener}, with other tags, and Prometheus refuses two meters of one name.
     */
    private static final KafkaListenerObservationConvention HANDLING = new DefaultKafkaListenerObservationConvention() {
        @Override
        public String getName() {
            return "platform.events.handling";
        }
    };

    private final Map<EventType, IntegrationEventHandler<Object>> handlers = new EnumMap<>(EventType.class);
    private final String group;
    private final boolean deduplicate;
    private final ProcessedEvents processedEvents;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meterRegistry;
    private final ObservationRegistry observationRegistry;

    /**
     * A polled record as far as it could be read: an event for one of the handlers (with its data), one to skip, or
     * unreadable.
     */
    private record Received(
            EventEnvelope envelope, IntegrationEventHandler<Object> handler, Object data, RuntimeException unreadable) {

        boolean isForUs() {
            return handler != null;
        }

        boolean isDeduplicated() {
            return handler != null && handler.deduplicated();
        }
    }

    @SuppressWarnings("unchecked")
    public IntegrationEventDispatcher(
            String group,
            boolean deduplicate,
            Collection<IntegrationEventHandler<?>> handlers,
            ProcessedEvents processedEvents,
            JsonMapper jsonMapper,
            MeterRegistry meterRegistry,
            ObservationRegistry observationRegistry) {
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
        this.observationRegistry = observationRegistry;
    }

    public String group() {
        return group;
    }

    public Collection<String> topics() {
        return handlers.keySet().stream().map(EventType::topic).distinct().toList();
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<Received> received = records.stream().map(this::read).toList();
        // handled before this batch, then also the ones handled in it (a record can be in a poll twice)
        List<String> deduplicatedIds = deduplicate
                ? received.stream()
                        .filter(Received::isDeduplicated)
                        .map(r -> r.envelope().id())
                        .toList()
                : List.of();
        Set<String> seen = new HashSet<>(
                deduplicatedIds.isEmpty() ? Set.of() : processedEvents.handledAmong(group, deduplicatedIds));
        List<EventEnvelope> handledNow = new ArrayList<>();
        Set<IntegrationEventHandler<Object>> handling = new LinkedHashSet<>();
        for (int i = 0; i < records.size(); i++) {
            Received event = received.get(i);
            try {
                if (event.unreadable() != null) {
                    throw event.unreadable();
                }
                if (!event.isForUs()) {
                    continue; // a type this service does not use, or does not know yet
                }
                boolean deduplicated = deduplicate && event.isDeduplicated();
                if (deduplicated && !seen.add(event.envelope().id())) {
                    count(event.envelope(), "duplicate");
                    log.debug(
                            "Event {} ({}) already handled, skipped",
                            event.envelope().id(),
                            event.envelope().type());
                    continue;
                }
                handling.add(event.handler());
                handle(event, records.get(i));
                if (deduplicated) {
                    handledNow.add(event.envelope());
                }
                count(event.envelope(), "handled");
            } catch (RuntimeException e) {
                // what the events before this one gathered is written and they are recorded: only this one and the
                // rest come again (if that write fails too, the whole poll does)
                endOfBatch(handling);
                recordProcessed(handledNow);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        endOfBatch(handling);
        recordProcessed(handledNow);
    }

    /** Events whose data does not bind are unreadable; those a handler does not want are not for us. */
    private Received read(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = CloudEventRecords.fromRecord(record);
        } catch (IllegalArgumentException notACloudEvent) {
            return new Received(null, null, null, notACloudEvent);
        }
        IntegrationEventHandler<Object> handler =
                EventType.ofCeType(envelope.type()).map(handlers::get).orElse(null);
        if (handler == null) {
            return new Received(envelope, null, null, null);
        }
        Object data;
        try {
            data = jsonMapper.readValue(envelope.data(), handler.type().dataType());
        } catch (RuntimeException e) {
            return new Received(
                    envelope,
                    null,
                    null,
                    new IllegalArgumentException(
                            "Event " + envelope.id() + " data does not bind to "
                                    + handler.type().dataType().getSimpleName() + ": " + e.getMessage(),
                            e));
        }
        return handler.wants(data)
                ? new Received(envelope, handler, data, null)
                : new Received(envelope, null, null, null);
    }

    /** Observed like a record listener's delivery, so the handler's work continues the producer's trace. */
    private void handle(Received event, ConsumerRecord<String, byte[]> record) {
        KafkaListenerObservation.LISTENER_OBSERVATION
                .observation(
                        HANDLING,
                        HANDLING,
                        () -> new KafkaRecordReceiverContext(record, "events-" + group, "", group, () -> null),
                        observationRegistry)
                .observe(() -> event.handler().handle(event.data(), event.envelope(), EventPosition.of(record)));
    }

    private static void endOfBatch(Set<IntegrationEventHandler<Object>> handlers) {
        handlers.forEach(IntegrationEventHandler::endOfBatch);
    }

    private void recordProcessed(List<EventEnvelope> events) {
        if (deduplicate && !events.isEmpty()) {
            processedEvents.record(group, events);
        }
    }

    private void count(EventEnvelope envelope, String outcome) {
        meterRegistry
                .counter("platform.events.consumed", "group", group, "type", envelope.type(), "outcome", outcome)
                .increment();
    }
}
