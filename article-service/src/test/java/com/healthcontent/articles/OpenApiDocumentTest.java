package com.healthcontent.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.util.List;
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
        RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/v3/api-docs/article-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/articles'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/submission'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/reviews'].post.requestBody.content['application/json']"
                        + ".example.outcome")
                .isEqualTo("APPROVED")
                .jsonPath("$.paths['/api/v1/articles'].post.requestBody.content['application/json']"
                        + ".examples.minimal.value.title")
                .exists()
                .jsonPath("$.paths['/api/v1/articles/{slug}/structured-data'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/withdrawal'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/reviewers'].put.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/articles/review-queue'].get")
                .exists();
    }

    /** What a client generator and Swagger UI show: names in the domain's words, the statuses that happen. */
    @Test
    @SuppressWarnings("unchecked")
    void describesTheApiAsItsClientsMeetIt() {
        var document = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/v3/api-docs/article-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
        document.jsonPath("$.info.title")
                .isEqualTo("Articles API")
                .jsonPath("$.info.version")
                .isEqualTo("v1")
                .jsonPath("$.info.description")
                .value(description -> assertThat((String) description).isNotBlank())
                .jsonPath("$.servers[0].url")
                .isEqualTo("/")
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.components.schemas.Problem.properties.errors")
                .exists()
                // a draft is created: 201 with where it lives, not the generator's default 200
                .jsonPath("$.paths['/api/v1/articles'].post.responses['201'].headers.Location")
                .exists()
                .jsonPath("$.paths['/api/v1/articles'].post.responses['200']")
                .doesNotExist()
                .jsonPath("$.paths['/api/v1/articles'].post.responses.default.content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/articles'].post.tags[0]")
                .isEqualTo("Articles")
                .jsonPath("$.paths['/api/v1/articles/{id}/reviews'].post.tags[0]")
                .isEqualTo("Article review and publication")
                .jsonPath("$.paths..tags[*]")
                .value(tags -> assertThat((List<String>) tags).noneMatch(tag -> tag.endsWith("-controller")))
                // JSON-LD as what it is, not a string of bytes
                .jsonPath("$.paths['/api/v1/articles/{slug}/structured-data'].get.responses['200']"
                        + ".content['application/ld+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/MedicalWebPage")
                .jsonPath("$.components.schemas.MedicalWebPage.properties['@type']")
                .exists()
                // the caller comes from the token, never a parameter a client sends
                .jsonPath("$.paths..parameters[?(@.name == 'actor')]")
                .isEmpty();
    }
}
