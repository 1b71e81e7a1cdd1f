package com.healthcontent.exercises;

import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What a client gets for requests the service cannot take: always the right status and a problem body. */
@ServiceIntegrationTest
class BadRequestsTest {

    static final String AUTHOR = TestTokens.forUser("ana.author", "AUTHOR");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @Test
    void malformedJsonIs400() {
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.title")
                .exists();
    }

    @Test
    void anUnknownEnumValueNamesTheField() {
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"position\": \"UPSIDE_DOWN\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("position");
    }

    @Test
    void htmlInAnyTextIsRefusedNamingTheField() {
        String exercise = """
                {"name": "Cat-cow", "summary": "Mobilises the spine.", "bodyRegions": ["LOWER_BACK"],
                 "position": "KNEELING", "steps": ["Kneel on all fours.", "%s"],
                 "dose": {"repetitions": {"min": 5, "max": 10}}, "media": [{"type": "IMAGE",
                 "url": "https://example.org/cat.png", "altText": "%s", "licence": "own work"}]}""";
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(exercise.formatted("Arch <script>alert(1)</script> your back.", "A kneeling person"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("steps[1]");
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(exercise.formatted("Arch your back for < 5 seconds.", "[x](javascript:alert(1))"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("media[0].altText");
    }

    @Test
    void aWrongContentTypeIs415() {
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.TEXT_PLAIN)
                .body("knees to chest")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownRouteIs404() {
        client.get()
                .uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
                .uri("/api/v1/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void staffReadsNeedAToken() {
        client.get()
                .uri("/api/v1/exercises/drafts/some-id")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownExerciseIs404() {
        client.get()
                .uri("/api/v1/exercises/no-such-exercise")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("no-such-exercise"));
    }

    @Test
    void aPageSizeOutOfRangeIs400NotAClamp() {
        client.get()
                .uri("/api/v1/exercises?size=101")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
        client.get().uri("/api/v1/exercises?size=0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void writesWithoutAValidTokenAre401WithAProblemBody() {
        for (String token : new String[] {
            null,
            TestTokens.expired("ana.author", "AUTHOR"),
            TestTokens.fromOtherIssuer("ana.author", "AUTHOR"),
            TestTokens.forOtherAudience("ana.author", "AUTHOR"),
            TestTokens.signedWithUnknownKey("ana.author", "AUTHOR"),
            TestTokens.unsigned("ana.author", "AUTHOR"),
            "not-a-jwt"
        }) {
            var request = client.post()
                    .uri("/api/v1/exercises")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}");
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            request.exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .exists(HttpHeaders.WWW_AUTHENTICATE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aSignedInReaderWithoutAStaffRoleIs403() {
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser("some.reader"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(com.healthcontent.exercises.exercise.ExerciseApiTest.minimalExercise("Admin exercise"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}";
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void readinessNeedsMongoWhileKafkaIsReportedInHealth() {
        RestTestClient management = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .build();
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP")
                .jsonPath("$.components.kafka")
                .doesNotExist();
        management
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.kafka.status")
                .isEqualTo("UP");
    }

    @Test
    void thePublicPortAnswersProbesWithAStatusAndNoActuator() {
        client.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"status\": \"UP\"}", JsonCompareMode.STRICT);
        client.get().uri("/livez").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }
}
