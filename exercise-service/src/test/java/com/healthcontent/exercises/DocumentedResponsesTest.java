package com.healthcontent.exercises;

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
    static final String REASON = "{\"reason\": \"A reader reported an outdated dose.\"}";

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void everyOperationAnswersWhatClientsGetWrongWithTheDocumentedProblem() {
        DocumentedResponses.walkErrorShapes(
                port,
                DocumentedResponses.document(port, "/v3/api-docs/exercise-service"),
                TestTokens.forUser("ops.admin", "ADMIN"),
                Map.ofEntries(
                        Map.entry(
                                "PUT /api/v1/exercises/{id}",
                                ExerciseLibraryTest.exercise("Walk", "STANDING", "[\"NECK\"]", 5, 1, 1, null)),
                        Map.entry("POST /api/v1/exercises/{id}/submission", REVIEWERS),
                        Map.entry("PUT /api/v1/exercises/{id}/reviewers", REVIEWERS),
                        Map.entry("POST /api/v1/exercises/{id}/reviews", "{\"outcome\": \"APPROVED\"}"),
                        Map.entry("POST /api/v1/exercises/{id}/withdrawal", "{\"reason\": \"Needs another photo.\"}"),
                        Map.entry("POST /api/v1/exercises/{id}/review-requests", REASON),
                        Map.entry("POST /api/v1/exercises/{id}/publication", "{}"),
                        Map.entry(
                                "PUT /api/v1/routines/{id}",
                                "{\"name\": \"Walk\", \"goal\": \"Loosen up\", \"items\": [{\"exerciseId\": \"e-1\"}]}"),
                        Map.entry("POST /api/v1/routines/{id}/submission", REVIEWERS),
                        Map.entry("PUT /api/v1/routines/{id}/reviewers", REVIEWERS),
                        Map.entry("POST /api/v1/routines/{id}/reviews", "{\"outcome\": \"APPROVED\"}"),
                        Map.entry("POST /api/v1/routines/{id}/withdrawal", REASON),
                        Map.entry("POST /api/v1/routines/{id}/review-requests", REASON),
                        Map.entry("DELETE /api/v1/routines/{id}/publication", REASON),
                        Map.entry("POST /api/v1/routines/{id}/publication", "{}")));
    }

    @Test
    @Order(2)
    void everyDocumentedStatusIsWhatTheServiceAnswers() {
        assertThat(DocumentedResponses.mismatches(DocumentedResponses.document(port, "/v3/api-docs/exercise-service")))
                .isEmpty();
    }

    @Test
    @Order(3)
    void theDocumentClientDevelopersReadIsTheServicesOwn() {
        assertThat(PublishedApiDocument.differenceFrom(
                        DocumentedResponses.document(port, "/v3/api-docs/exercise-service"), "exercise-service"))
                .isNull();
    }
}
