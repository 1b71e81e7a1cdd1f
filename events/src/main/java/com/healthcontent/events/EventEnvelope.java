package com.healthcontent.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as the platform sends it, whatever carries it: the CloudEvents 1.0 attributes the consumers rely on and
 * the JSON data. On Kafka it travels in binary content mode, keyed by aggregate id so that events of one aggregate
 * stay in order on one partition (the messaging module writes and reads those records).
 *
 * @param id      unique per event; consumers deduplicate on it
 * @param source  the producing service, e.g. {@code /exercise-service}
 * @param type    the versioned CloudEvents type
 * @param subject the aggregate's public handle (a slug), for people reading the topic
 * @param key     the aggregate id, the Kafka record key
 * @param data    UTF-8 JSON
 */
public record EventEnvelope(
        String id, String source, String type, String subject, Instant time, String key, String topic, byte[] data) {

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
}
