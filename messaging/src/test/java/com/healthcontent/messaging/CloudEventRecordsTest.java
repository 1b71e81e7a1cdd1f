package com.healthcontent.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The Kafka binding: what the consumers of any language read from a record's headers and value. */
class CloudEventRecordsTest {

    private final EventEnvelope envelope = new EventEnvelope(
            "evt-1",
            "/exercise-service",
            EventType.EXERCISE_PUBLISHED.ceType(),
            "knees-to-chest",
            Instant.parse("2026-11-24T10:15:30Z"),
            "ex-42",
            Topics.EXERCISE_EVENTS,
            "{\"exerciseId\":\"ex-42\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void writesBinaryModeHeadersAndTheJsonAsValue() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(envelope);

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
        ProducerRecord<String, byte[]> produced = CloudEventRecords.toRecord(envelope);
        ConsumerRecord<String, byte[]> consumed =
                new ConsumerRecord<>(produced.topic(), 0, 7L, produced.key(), produced.value());
        produced.headers().forEach(h -> consumed.headers().add(h));

        EventEnvelope read = CloudEventRecords.fromRecord(consumed);

        assertThat(read.id()).isEqualTo("evt-1");
        assertThat(read.type()).isEqualTo(EventType.EXERCISE_PUBLISHED.ceType());
        assertThat(read.time()).isEqualTo(envelope.time());
        assertThat(read.key()).isEqualTo("ex-42");
        assertThat(new String(read.data(), StandardCharsets.UTF_8)).isEqualTo("{\"exerciseId\":\"ex-42\"}");
    }

    @Test
    void rejectsARecordWithoutCloudEventsHeaders() {
        ConsumerRecord<String, byte[]> plain =
                new ConsumerRecord<>("exercise.events", 0, 0L, "k", "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventRecords.fromRecord(plain)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
