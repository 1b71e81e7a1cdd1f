package com.healthcontent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final EventEnvelope envelope = new EventEnvelope("evt-1", "/exercise-service",
            EventType.EXERCISE_PUBLISHED.ceType(), "knees-to-chest", Instant.parse("2026-11-24T10:15:30Z"),
            "ex-42", Topics.EXERCISE_EVENTS, "{\"exerciseId\":\"ex-42\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void writesBinaryModeHeadersAndTheJsonAsValue() {
        ProducerRecord<String, byte[]> record = envelope.toProducerRecord();

        assertThat(record.topic()).isEqualTo("exercise.events");
        assertThat(record.key()).isEqualTo("ex-42");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"exerciseId\":\"ex-42\"}");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo("evt-1");
        assertThat(header(record, "ce_source")).isEqualTo("/exercise-service");
        assertThat(header(record, "ce_type")).isEqualTo("com.healthcontent.exercise.published.v1");
        assertThat(header(record, "ce_subject")).isEqualTo("knees-to-chest");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-24T10:15:30Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void roundTripsThroughAConsumerRecord() {
        ProducerRecord<String, byte[]> produced = envelope.toProducerRecord();
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(produced.topic(), 0, 7L, produced.key(),
                produced.value());
        produced.headers().forEach(h -> consumed.headers().add(h));

        EventEnvelope read = EventEnvelope.fromConsumerRecord(consumed);

        assertThat(read.id()).isEqualTo("evt-1");
        assertThat(read.type()).isEqualTo(EventType.EXERCISE_PUBLISHED.ceType());
        assertThat(read.time()).isEqualTo(envelope.time());
        assertThat(read.key()).isEqualTo("ex-42");
        assertThat(new String(read.data(), StandardCharsets.UTF_8)).isEqualTo("{\"exerciseId\":\"ex-42\"}");
    }

    @Test
    void rejectsARecordWithoutCloudEventsHeaders() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>("exercise.events", 0, 0L, "k",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromConsumerRecord(plain)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTypeIsVersionedAndTravelsOnAKnownTopic() {
        for (EventType type : EventType.values()) {
            assertThat(type.ceType()).matches("com\\.healthcontent\\.[a-z]+\\.[a-z-]+\\.v\\d+");
            assertThat(Topics.ALL).contains(type.topic());
        }
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
