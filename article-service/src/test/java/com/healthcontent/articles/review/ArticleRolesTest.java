package com.healthcontent.articles.review;

import static com.healthcontent.articles.ArticleApi.ADMIN;
import static com.healthcontent.articles.ArticleApi.AUTHOR;
import static com.healthcontent.articles.ArticleApi.DR_KIM;
import static com.healthcontent.articles.ArticleApi.DR_RAO;
import static com.healthcontent.articles.ArticleApi.EDITOR;
import static com.healthcontent.articles.ArticleApi.OTHER_AUTHOR;
import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Who may take which step: AUTHOR writes own drafts, EDITOR edits any and publishes, MEDICAL_REVIEWER reviews what
 * is assigned, ADMIN everything, readers nothing but reading. 401 without a token, 403 for the wrong role.
 */
@ServiceIntegrationTest
class ArticleRolesTest {

    @LocalServerPort
    int port;

    ArticleApi api;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
    }

    @Test
    void creatingADraft() {
        String body = article(uniqueTitle("Roles create"), "[]", "Back pain");
        api.post("/api/v1/articles", null, body, 401);
        api.post("/api/v1/articles", DR_RAO, body, 403);
        api.post("/api/v1/articles", AUTHOR, article(uniqueTitle("By author"), "[]", "x"), 201);
        api.post("/api/v1/articles", EDITOR, article(uniqueTitle("By editor"), "[]", "x"), 201);
        api.post("/api/v1/articles", ADMIN, article(uniqueTitle("By admin"), "[]", "x"), 201);
    }

    @Test
    void editingAndReadingDrafts() {
        String title = uniqueTitle("Roles edit");
        String id = api.draft(article(title, "[]", "Back pain"));
        String path = "/api/v1/articles/" + id;
        edit(path, OTHER_AUTHOR, title, 403);
        edit(path, DR_RAO, title, 403);
        edit(path, null, title, 401);
        edit(path, AUTHOR, title, 200);
        edit(path, EDITOR, title, 200);
        edit(path, ADMIN, title, 200);

        api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, null, null, 401);
        api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, OTHER_AUTHOR, null, 403);
        api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, AUTHOR, null, 200);
        api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, DR_KIM, null, 200);
        api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, ADMIN, null, 200); // ADMIN holds every staff role
    }

    @Test
    void submittingReviewingPublishingUnpublishing() {
        String id = api.draft(article(uniqueTitle("Roles steps"), "[]", "Back pain"));
        String base = "/api/v1/articles/" + id;
        api.post(base + "/submission", OTHER_AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 403);
        api.post(base + "/submission", DR_RAO, "{\"reviewers\": [\"dr.kim\"]}", 403);
        api.post(base + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);

        api.post(base + "/reviews", AUTHOR, "{\"outcome\": \"APPROVED\"}", 403);
        api.post(base + "/reviews", EDITOR, "{\"outcome\": \"APPROVED\"}", 403);
        api.post(base + "/reviews", DR_KIM, "{\"outcome\": \"APPROVED\"}", 403);
        api.post(base + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);

        api.post(base + "/publication", AUTHOR, null, 403);
        api.post(base + "/publication", DR_RAO, null, 403);
        api.post(base + "/publication", ADMIN, null, 200);

        api.call(HttpMethod.DELETE, base + "/publication", AUTHOR, "{\"reason\": \"no\"}", 403);
        api.call(HttpMethod.DELETE, base + "/publication", DR_RAO, "{\"reason\": \"no\"}", 403);
        api.call(HttpMethod.DELETE, base + "/publication", EDITOR, "{\"reason\": \"Superseded\"}", 200);
    }

    @Test
    void illegalStepsAre409() {
        String id = api.draft(article(uniqueTitle("Roles illegal"), "[]", "Back pain"));
        String base = "/api/v1/articles/" + id;
        api.post(base + "/publication", EDITOR, null, 409);
        api.call(HttpMethod.DELETE, base + "/publication", EDITOR, "{\"reason\": \"x\"}", 409);
        api.post(base + "/review-requests", DR_RAO, "{\"reason\": \"x\"}", 409);
        api.call(HttpMethod.PUT, base + "/reviewers", EDITOR, "{\"reviewers\": [\"dr.kim\"]}", 409);
        api.call(HttpMethod.DELETE, base + "/publication/schedule", EDITOR, null, 409); // nothing scheduled
        api.post(base + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post(base + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 409);
        api.post(base + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        api.post(base + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 409); // reviewed already
    }

    @Test
    void editorsListEveryWorkingCopyAndAuthorsTheirOwn() {
        String mine = api.draft(article(uniqueTitle("Roles mine"), "[]", "Back pain"));
        String theirs = api.post(
                        "/api/v1/articles", OTHER_AUTHOR, article(uniqueTitle("Roles theirs"), "[]", "Back pain"), 201)
                .get("id")
                .asString();
        String approved = api.approved(article(uniqueTitle("Roles approved"), "[]", "Back pain"));

        assertThat(api.call(HttpMethod.GET, "/api/v1/articles/drafts?size=100", AUTHOR, null, 200)
                        .get("items")
                        .findValuesAsString("id"))
                .contains(mine, approved)
                .doesNotContain(theirs);
        assertThat(api.call(HttpMethod.GET, "/api/v1/articles/drafts?status=APPROVED&size=100", EDITOR, null, 200)
                        .get("items")
                        .findValuesAsString("id"))
                .contains(approved)
                .doesNotContain(mine, theirs);
        api.call(HttpMethod.GET, "/api/v1/articles/drafts", DR_RAO, null, 403);
        api.call(HttpMethod.GET, "/api/v1/articles/drafts", null, null, 401);
        assertThat(api.call(HttpMethod.GET, "/api/v1/articles/drafts?status=LOST", EDITOR, null, 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("status");
    }

    @Test
    void aSecondArticleCannotTakeASlugInUse() {
        String title = uniqueTitle("Roles slug");
        api.draft(article(title, "[]", "Back pain"));
        api.post("/api/v1/articles", AUTHOR, article(title, "[]", "Back pain"), 409);
    }

    @Test
    void flaggingLiveContentSendsItBackToReviewWhileItStaysLive() {
        String title = uniqueTitle("Roles flag");
        String id = api.published(article(title, "[]", "Back pain"));
        api.post("/api/v1/articles/" + id + "/review-requests", AUTHOR, "{\"reason\": \"outdated\"}", 403);
        api.post("/api/v1/articles/" + id + "/review-requests", DR_KIM, "{\"reason\": \"New guideline\"}", 200);
        api.call(HttpMethod.GET, "/api/v1/articles/" + ArticleApi.slugOf(title), null, null, 200);
        api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200);
    }

    @Test
    void schedulingIsForEditorsAndAtAFutureTime() {
        String id = api.approved(article(uniqueTitle("Roles schedule"), "[]", "Back pain"));
        String base = "/api/v1/articles/" + id;
        api.post(base + "/publication", AUTHOR, "{\"at\": \"" + Instant.now().plusSeconds(3600) + "\"}", 403);
        api.post(base + "/publication", EDITOR, "{\"at\": \"2020-01-01T00:00:00Z\"}", 400);
        api.post(base + "/publication", EDITOR, "{\"at\": \"" + Instant.now().plusSeconds(3600) + "\"}", 200);
        api.post(base + "/publication", EDITOR, null, 409);
        api.call(HttpMethod.DELETE, base + "/publication/schedule", AUTHOR, null, 403);
        api.call(HttpMethod.DELETE, base + "/publication/schedule", EDITOR, null, 200);
        api.post(base + "/publication", EDITOR, null, 200);
    }

    @Test
    void aScheduledArticleGoesLiveByItselfWhenItsTimeComes() {
        String title = uniqueTitle("Roles scheduled");
        String id = api.approved(article(title, "[]", "Back pain"));
        api.post(
                "/api/v1/articles/" + id + "/publication",
                EDITOR,
                "{\"at\": \"" + Instant.now().plusSeconds(2) + "\"}",
                200);
        api.call(HttpMethod.GET, "/api/v1/articles/" + ArticleApi.slugOf(title), null, null, 404);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        api.call(HttpMethod.GET, "/api/v1/articles/" + ArticleApi.slugOf(title), null, null, 200));
    }

    @Test
    void aPublicationPeriodNeedsAReasonAndAFutureEnd() {
        String id = api.approved(article(uniqueTitle("Roles period"), "[]", "Back pain"));
        String publication = "/api/v1/articles/" + id + "/publication";
        Instant later = Instant.now().plusSeconds(3600);
        assertThat(fieldOf(api.post(publication, EDITOR, "{\"until\": \"" + later + "\"}", 400)))
                .isEqualTo("reason");
        assertThat(fieldOf(api.post(publication, EDITOR, "{\"reason\": \"Campaign over.\"}", 400)))
                .isEqualTo("until");
        assertThat(fieldOf(api.post(
                        publication, EDITOR, "{\"until\": \"2020-01-01T00:00:00Z\", \"reason\": \"Old.\"}", 400)))
                .isEqualTo("until");
        String endsBeforeItStarts = "{\"at\": \"%s\", \"until\": \"%s\", \"reason\": \"Campaign over.\"}"
                .formatted(later, later.minusSeconds(60));
        assertThat(fieldOf(api.post(publication, EDITOR, endsBeforeItStarts, 400)))
                .isEqualTo("until");
        assertThat(api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200)
                        .get("status")
                        .asString())
                .as("nothing changed by the refused requests")
                .isEqualTo("APPROVED");
    }

    /** Live until the editor said, then unpublished by the platform with the editor's reason, as by hand. */
    @Test
    void aPublicationWithAPeriodEndsByItselfWithTheEditorsReason() {
        String title = uniqueTitle("Roles seasonal");
        String id = api.approved(article(title, "[]", "Back pain"));
        Instant until = Instant.now().plusSeconds(3);
        JsonNode draft = api.post(
                "/api/v1/articles/" + id + "/publication",
                EDITOR,
                "{\"until\": \"%s\", \"reason\": \"The winter campaign is over.\"}".formatted(until),
                200);
        assertThat(Instant.parse(draft.get("publishedUntil").get("at").asString()))
                .isEqualTo(until);
        assertThat(draft.get("publishedUntil").get("reason").asString()).isEqualTo("The winter campaign is over.");
        api.call(HttpMethod.GET, "/api/v1/articles/" + ArticleApi.slugOf(title), null, null, 200);

        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() ->
                        api.call(HttpMethod.GET, "/api/v1/articles/" + ArticleApi.slugOf(title), null, null, 404));
        JsonNode unpublished = api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200);
        assertThat(unpublished.get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(unpublished.path("publishedUntil").has("at")).isFalse();
        JsonNode last =
                unpublished.get("history").get(unpublished.get("history").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("unpublished");
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(last.get("notes").asString()).isEqualTo("The winter campaign is over.");
    }

    private static String fieldOf(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }

    private void edit(String path, String token, String title, int expected) {
        var request = api.client()
                .put()
                .uri(path)
                .header(HttpHeaders.IF_MATCH, api.etagOf(path.substring(path.lastIndexOf('/') + 1)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(article(title, "[]", "Back pain"));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.exchange().expectStatus().isEqualTo(expected);
    }
}
