package com.healthcontent.articles;

import com.healthcontent.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The OpenAPI document, at the path the gateway routes to, with the workflow and its examples. */
@ServiceIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void documentsTheArticleApiWithExamples() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/v3/api-docs/article-service").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/articles'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/submission'].post").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/reviews'].post.requestBody.content['application/json']"
                        + ".example.outcome").isEqualTo("APPROVED")
                .jsonPath("$.paths['/api/v1/articles'].post.requestBody.content['application/json']"
                        + ".examples.minimal.value.title").exists()
                .jsonPath("$.paths['/api/v1/articles/{slug}/structured-data'].get").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/withdrawal'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/reviewers'].put.summary").exists()
                .jsonPath("$.paths['/api/v1/articles/review-queue'].get").exists();
    }
}
