package com.healthcontent.feedback.triage;

import static com.healthcontent.feedback.FeedbackApi.ADMIN;
import static com.healthcontent.feedback.FeedbackApi.AUTHOR;
import static com.healthcontent.feedback.FeedbackApi.DR_KIM;
import static com.healthcontent.feedback.FeedbackApi.DR_RAO;
import static com.healthcontent.feedback.FeedbackApi.EDITOR;
import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** Reports reach the people who answer for the content; they, and only they, move them through triage. */
@ServiceIntegrationTest
class TriageTest {

    @LocalServerPort
    int port;

    @Autowired
    PublishedContents contents;

    FeedbackApi api;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Watch(Topics.FEEDBACK_EVENTS)
    TopicProbe feedbackEvents;

    @BeforeEach
    void setUp() {
        api = new FeedbackApi(port);
    }

    @Test
    void reviewersSeeReportsOnTheirContentEditorsSeeAll() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String id = api.submit(newReader(), report(article, "QUESTIONABLE", "Source?"), 202)
                .get("id")
                .asString();
        api.awaitReport(article, id); // stored by the intake consumer after the 202

        assertThat(api.call(HttpMethod.GET, "/api/v1/feedback/reports?status=NEW&id=" + article, DR_RAO, null, 200)
                        .get("items"))
                .extracting(item -> item.get("id").asString())
                .containsExactly(id);
        assertThat(api.call(HttpMethod.GET, "/api/v1/feedback/reports?id=" + article, DR_KIM, null, 200)
                        .get("items")
                        .size())
                .isZero();
        assertThat(api.call(
                                HttpMethod.GET,
                                "/api/v1/feedback/reports?reason=QUESTIONABLE&id=" + article,
                                EDITOR,
                                null,
                                200)
                        .get("items"))
                .extracting(item -> item.get("id").asString())
                .containsExactly(id);
        api.call(HttpMethod.GET, "/api/v1/feedback/reports", AUTHOR, null, 403);
        api.call(HttpMethod.GET, "/api/v1/feedback/reports", null, null, 401);
    }

    @Test
    void onlyTheContentsReviewersAndEditorsMoveAReportThroughTriage() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String id = api.submit(newReader(), report(article, "OUTDATED", "New guideline in 2024"), 202)
                .get("id")
                .asString();
        api.awaitReport(article, id);
        String path = "/api/v1/feedback/reports/" + id + "/status";

        api.call(HttpMethod.POST, path, DR_KIM, "{\"status\": \"ACKNOWLEDGED\"}", 403);
        api.call(HttpMethod.POST, path, AUTHOR, "{\"status\": \"ACKNOWLEDGED\"}", 403);
        api.call(HttpMethod.POST, path, null, "{\"status\": \"ACKNOWLEDGED\"}", 401);
        api.call(HttpMethod.POST, path, DR_RAO, "{\"status\": \"ACKNOWLEDGED\", \"note\": \"Looking\"}", 200);
        api.call(HttpMethod.POST, path, DR_RAO, "{\"status\": \"NEW\"}", 409);
        api.call(HttpMethod.POST, path, DR_RAO, "{\"status\": \"RESOLVED\"}", 400);
        api.call(
                HttpMethod.POST,
                path,
                EDITOR,
                "{\"status\": \"RESOLVED\", \"note\": \"Updated to the 2024 guideline\"}",
                200);
        api.call(HttpMethod.POST, path, ADMIN, "{\"status\": \"DISMISSED\", \"note\": \"x\"}", 409);
        api.call(HttpMethod.POST, path, EDITOR, "{\"status\": \"CLOSED\"}", 400);

        feedbackEvents.awaitEvent(e -> e.type().equals(EventType.REPORT_STATUS_CHANGED.ceType())
                && TestEvents.dataOf(e).contains(id)
                && TestEvents.dataOf(e).contains("\"to\":\"RESOLVED\""));
    }

    @Test
    void reportsExportAsCsvForADateRange() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        Instant from = Instant.now().minusSeconds(5);
        String id = api.submit(
                        newReader(), report(article, "BROKEN_LINK", "=HYPERLINK(\\\"evil\\\") link is dead"), 202)
                .get("id")
                .asString();
        api.awaitReport(article, id);
        Instant to = Instant.now().plusSeconds(5);

        String csv = api.client()
                .get()
                .uri("/api/v1/feedback/reports/export?from={from}&to={to}", from, to)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .returnResult(String.class)
                .getResponseBody();
        assertThat(csv)
                .startsWith("id,submitted_at,target_type,target_slug,reason,status,comment")
                .contains("BROKEN_LINK")
                .contains("\"'=HYPERLINK(\"\"evil\"\") link is dead\"");
        api.call(HttpMethod.GET, "/api/v1/feedback/reports/export?from=" + to + "&to=" + from, EDITOR, null, 400);
        api.call(HttpMethod.GET, "/api/v1/feedback/reports/export?from=" + from + "&to=" + to, AUTHOR, null, 403);
        // neither end given: both named at once, with the format they take
        assertThat(api.call(HttpMethod.GET, "/api/v1/feedback/reports/export", EDITOR, null, 400)
                        .get("errors"))
                .extracting(error -> error.get("field").asString())
                .containsExactly("from", "to");
    }
}
