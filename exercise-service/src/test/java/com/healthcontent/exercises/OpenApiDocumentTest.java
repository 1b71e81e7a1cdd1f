package com.healthcontent.exercises;

import com.healthcontent.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

@ServiceIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void documentsExercisesRoutinesAndSessionsWithAnExample() {
        RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/v3/api-docs/exercise-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/exercises'].post.requestBody.content['application/json'].example.dose")
                .exists()
                .jsonPath("$.paths['/api/v1/routines/{slug}/session'].get")
                .exists()
                .jsonPath("$.components.schemas.Dose")
                .exists()
                .jsonPath("$.paths['/api/v1/exercises/{id}/submission'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/exercises/{id}/withdrawal'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/exercises/{id}/reviewers'].put.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/exercises/review-queue'].get")
                .exists();
    }
}
