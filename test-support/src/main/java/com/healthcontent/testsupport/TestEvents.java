package com.healthcontent.testsupport;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Events as another service would publish them, for feeding a service under test through {@link TopicProbe}. */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {}

    public static EventEnvelope of(EventType type, String key, Object data) {
        String source = "/" + type.topic().substring(0, type.topic().indexOf('.')) + "-service";
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                source,
                type.ceType(),
                key,
                Instant.now(),
                key,
                type.topic(),
                JSON.writeValueAsBytes(data));
    }

    /** An event's data as the JSON text it was published as, for assertions on what it carries. */
    public static String dataOf(EventEnvelope event) {
        return new String(event.data(), StandardCharsets.UTF_8);
    }
}
