package com.healthcontent.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/asyncapi.yaml documents every event type exactly as the records in this module define it. */
class EventCatalogueTest {

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    private static String refName(Object ref) {
        String value = (String) ((Map<?, ?>) ref).get("$ref");
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Test
    void everyEventTypeIsDocumentedOnItsTopicWithTheFieldsOfItsRecord() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("..", "docs", "asyncapi.yaml")));
        Map<String, Map<String, Object>> channels = at(doc, "channels");
        Map<String, Map<String, Object>> messages = at(doc, "components", "messages");

        for (EventType type : EventType.values()) {
            Map.Entry<String, Map<String, Object>> message = messages.entrySet().stream()
                    .filter(m -> type.ceType().equals(m.getValue().get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(type.ceType() + " is not in docs/asyncapi.yaml"));

            Map<String, Object> channel = channels.values().stream()
                    .filter(c -> type.topic().equals(c.get("address")))
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> channelMessages = at(channel, "messages");
            assertThat(channelMessages.values().stream().map(EventCatalogueTest::refName))
                    .as("%s listed on channel %s", type, type.topic())
                    .contains(message.getKey());

            String schemaName = refName(message.getValue().get("payload"));
            assertThat(schemaName).isEqualTo(type.dataType().getSimpleName());
            Map<String, Object> properties = at(doc, "components", "schemas", schemaName, "properties");
            assertThat(properties.keySet())
                    .as("fields of %s", schemaName)
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(type.dataType().getRecordComponents())
                                    .map(RecordComponent::getName)
                                    .toList());
        }
    }

    @Test
    void everyTypeIsVersionedAndTravelsOnAKnownTopic() {
        for (EventType type : EventType.values()) {
            assertThat(type.ceType()).matches("com\\.healthcontent\\.[a-z]+\\.[a-z-]+\\.v\\d+");
            assertThat(Topics.ALL).contains(type.topic());
        }
    }
}
