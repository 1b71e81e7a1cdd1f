package com.healthcontent.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.DocumentedResponses;
import com.healthcontent.testsupport.PublishedApiDocument;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document against the service: every operation's error answers are problems a client can act on, and
 * every status it documents is one the test suite got from it, and the other way round. Runs after every other test
 * class of the module ({@link ClassOrderer.OrderAnnotation}, junit-platform.properties); run alone, it reports the
 * statuses only the other tests produce.
 */
@ServiceIntegrationTest
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentedResponsesTest {

    static final String REVIEWERS = "{\"reviewers\": [\"dr.rao\"]}";
    static final String REASON = "{\"reason\": \"The advice on heat has changed.\"}";

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void everyOperationAnswersWhatClientsGetWrongWithTheDocumentedProblem() {
        DocumentedResponses.walkErrorShapes(
                port,
                DocumentedResponses.document(port, "/v3/api-docs/article-service"),
                TestTokens.forUser("ops.admin", "ADMIN"),
                Map.of(
                        "PUT /api/v1/articles/{id}", ArticleApi.article("Walk", "[\"back\"]", "back-pain"),
                        "POST /api/v1/articles/{id}/submission", REVIEWERS,
                        "PUT /api/v1/articles/{id}/reviewers", REVIEWERS,
                        "POST /api/v1/articles/{id}/reviews", "{\"outcome\": \"APPROVED\"}",
                        "POST /api/v1/articles/{id}/withdrawal", REASON,
                        "POST /api/v1/articles/{id}/publication", "{}",
                        "DELETE /api/v1/articles/{id}/publication", REASON,
                        "POST /api/v1/articles/{id}/review-requests", REASON));
    }

    @Test
    @Order(2)
    void everyDocumentedStatusIsWhatTheServiceAnswers() {
        assertThat(DocumentedResponses.mismatches(DocumentedResponses.document(port, "/v3/api-docs/article-service")))
                .isEmpty();
    }

    @Test
    @Order(3)
    void theDocumentClientDevelopersReadIsTheServicesOwn() {
        assertThat(PublishedApiDocument.differenceFrom(
                        DocumentedResponses.document(port, "/v3/api-docs/article-service"), "article-service"))
                .isNull();
    }
}
