package com.healthcontent.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One event as it travels on Kafka: CloudEvents 1.0 in binary content mode ({@code ce_*} headers,
 * {@code content-type: application/json}, the JSON data as the record value), keyed by aggregate id so
 * that events of one aggregate stay in order on one partition.
 *
 * @param id      unique per event; consumers deduplicate on it
 * @param source  the producing service, e.g. {@code /exercise-service}
 * @param type    the versioned CloudEvents type
 * @param subject the aggregate's public handle (a slug), for people reading the topic
 * @param key     the aggregate id, the Kafka record key
 * @param data    UTF-8 JSON
 */
public record EventEnvelope(String id, String source, String type, String subject, Instant time, String key,
                            String topic, byte[] data) {

    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
    }

    public ProducerRecord<String, byte[]> toProducerRecord() {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withData(data)
                .build();
        return KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
    }

    /** Reads a binary-mode record; throws {@link IllegalArgumentException} for anything that is not one. */
    public static EventEnvelope fromConsumerRecord(ConsumerRecord<String, byte[]> record) {
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
        return new EventEnvelope(event.getId(), event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime().toInstant(), record.key() == null ? "" : record.key(), record.topic(),
                event.getData().toBytes());
    }
}
