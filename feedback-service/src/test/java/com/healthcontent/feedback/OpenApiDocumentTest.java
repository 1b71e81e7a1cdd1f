package com.healthcontent.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The OpenAPI document says what the feedback endpoints really answer: 202 with an id, an event stream. */
@ServiceIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void documentsTheAcceptedVoteAndTheLiveAlertStream() {
        RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/v3/api-docs/feedback-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("Feedback and alerts API")
                .jsonPath("$.paths['/api/v1/feedback'].post.responses['202'].content.*.schema['$ref']")
                .value(refs -> assertThat((List<String>) refs).containsOnly("#/components/schemas/Received"))
                .jsonPath("$.components.schemas.Received.properties.id")
                .exists()
                .jsonPath("$.paths['/api/v1/feedback'].post.responses['200']")
                .doesNotExist()
                .jsonPath("$.paths['/api/v1/me/alerts/stream'].get.responses['200'].content['text/event-stream']")
                .exists()
                .jsonPath("$.components.schemas.SseEmitter")
                .doesNotExist()
                .jsonPath("$.paths['/api/v1/feedback/reports'].get.tags[0]")
                .isEqualTo("Problem report triage");
    }
}
