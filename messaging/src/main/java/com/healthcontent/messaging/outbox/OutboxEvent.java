package com.healthcontent.messaging.outbox;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.messaging.CloudEventRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An event waiting to be published, stored inside the aggregate's own document (field {@code outbox}) so that
 * the change and its event are written in one single-document write: either both happen or neither.
 * {@link OutboxRelay} publishes it and then removes it.
 */
public record OutboxEvent(
        String id,
        String topic,
        String key,
        String type,
        String subject,
        Instant time,
        String source,
        String data,
        Map<String, String> traceContext) {

    public OutboxEvent {
        traceContext = traceContext == null ? Map.of() : Map.copyOf(traceContext);
    }

    public EventEnvelope toEnvelope() {
        return new EventEnvelope(id, source, type, subject, time, key, topic, data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Kafka record, carrying the W3C trace context of the request that caused the event ({@code traceparent}),
     * so the consumer's work continues that trace although the relay sends it later, from another thread.
     */
    public ProducerRecord<String, byte[]> toProducerRecord() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(toEnvelope());
        traceContext.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
