package com.healthcontent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.TopicProbe;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change an administrator makes that the services' staff directories show (an invitation, roles, disabling,
 * enabling) is published on {@code staff.events} as a CloudEvent through the outbox, keyed by the username, in the
 * order it was made, so that the services fetch the directory at once. A step refused (the last administrator) sends
 * nothing. Its own database; the broker is the one every auth-server test shares (junit-platform.properties).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.events.outbox.poll-interval=200ms")
class StaffEventsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JWKSource<SecurityContext> platformKeys;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> AuthStore.uri().replace("/auth-server", "/auth-server-events"));
    }

    @Test
    void administratorsChangesReachTheTopicInOrderAndARefusedOneSendsNothing() throws Exception {
        try (TopicProbe topic = TopicProbe.open(bootstrapServers, Topics.STAFF_EVENTS)) {
            assertThat(admin("POST", "/api/v1/staff/accounts", """
                            {"username": "dr.events", "name": "Dr. Eve Ents", "email": "eve@example.org",
                             "roles": ["MEDICAL_REVIEWER"]}""").statusCode())
                    .isEqualTo(201);
            assertThat(admin("PUT", "/api/v1/staff/accounts/dr.events/roles", "{\"roles\": [\"EDITOR\"]}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(admin("POST", "/api/v1/staff/accounts/dr.events/disablement", null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(admin("DELETE", "/api/v1/staff/accounts/dr.events/disablement", null)
                            .statusCode())
                    .isEqualTo(200);
            // the only administrator cannot be disabled: no change, no event
            assertThat(admin("POST", "/api/v1/staff/accounts/ops.admin/disablement", null)
                            .statusCode())
                    .isEqualTo(409);

            await().atMost(Duration.ofSeconds(20)).until(() -> topic.events().size() >= 4);
            List<EventEnvelope> events = topic.events();
            assertThat(events).extracting(EventEnvelope::type).containsOnly(EventType.STAFF_ACCOUNT_CHANGED.ceType());
            assertThat(events).extracting(EventEnvelope::key).containsOnly("dr.events");
            assertThat(events).extracting(EventEnvelope::source).containsOnly("/auth-server");
            assertThat(events.stream().map(event -> data(event).path("change").asString()))
                    .containsExactly("INVITED", "ROLES_CHANGED", "DISABLED", "ENABLED");
            assertThat(data(events.get(2)).path("username").asString()).isEqualTo("dr.events");
            assertThat(data(events.get(2)).path("changedAt").asString()).isNotBlank();
            assertThat(topic.events()).noneMatch(event -> event.key().equals("ops.admin"));
        }
    }

    /** The shared broker also carries other tests' events: this account's, in the order they arrived. */
    private static List<EventEnvelope> ofTheAccount(TopicProbe topic) {
        return topic.events().stream()
                .filter(event -> event.key().equals("dr.events"))
                .toList();
    }

    private static JsonNode data(EventEnvelope event) {
        return JSON.readTree(new String(event.data(), StandardCharsets.UTF_8));
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return StaffApi.call(
                "http://localhost:" + port, PlatformTokens.of(platformKeys, "ops.admin", "ADMIN"), method, path, body);
    }
}
