package com.healthcontent.messaging;

import com.healthcontent.events.EventEnvelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka binding of the platform's events: CloudEvents 1.0 in binary content mode ({@code ce_*} headers,
 * {@code content-type: application/json}, the JSON data as the record value), the aggregate id as the record key.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {}

    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withSubject(envelope.subject())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(EventEnvelope.CONTENT_TYPE)
                .withData(envelope.data())
                .build();
        return KafkaMessageFactory.createWriter(envelope.topic(), envelope.key())
                .writeBinary(event);
    }

    /** Reads a binary-mode record; throws {@link IllegalArgumentException} for anything that is not one. */
    public static EventEnvelope fromRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvent in binary mode: " + e.getMessage(), e);
        }
        if (event.getData() == null) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + " has no data");
        }
        if (event.getTime() == null) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + " has no time");
        }
        return new EventEnvelope(
                event.getId(),
                event.getSource().toString(),
                event.getType(),
                event.getSubject(),
                event.getTime().toInstant(),
                record.key() == null ? "" : record.key(),
                record.topic(),
                event.getData().toBytes());
    }
}
