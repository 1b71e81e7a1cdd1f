package com.healthcontent.articles.review;

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
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.StaffAccountChanged;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Who reviews: only medical reviewers from the staff directory, never the author; and no dead ends: a submission
 * can be withdrawn or given to other reviewers, and each reviewer sees what awaits them.
 */
@ServiceIntegrationTest
class ReviewAssignmentTest {

    @LocalServerPort
    int port;

    ArticleApi api;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Watch(Topics.STAFF_EVENTS)
    TopicProbe staffEvents;

    @Autowired
    StaffDirectory staffDirectory;

    @Autowired
    MongoTemplate mongoTemplate;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
    }

    /**
     * An administrator's change (auth-server's staff.events) has every instance fetch the staff directory within
     * seconds, not when its copy falls due (every 60 s), so a disabled reviewer soon cannot be named.
     */
    @Test
    void aStaffChangeHasTheDirectoryFetchedAgainAtOnce() {
        staffDirectory.refresh(); // a fresh copy: the next regular refresh is a minute away
        Instant fresh = fetchedAt();
        StaffAccountChanged disabled = new StaffAccountChanged("dr.kim", "DISABLED", Instant.now());
        // the broadcast consumer sees only what is sent once it is listening: send until it has heard
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    staffEvents.publish(TestEvents.of(EventType.STAFF_ACCOUNT_CHANGED, "dr.kim", disabled));
                    return fetchedAt().isAfter(fresh);
                });
        assertThat(Duration.between(fresh, fetchedAt())).isLessThan(Duration.ofSeconds(30));
    }

    /**
     * A reviewer who is no longer on the staff (disabled since the submission: here a name the directory does not
     * know) holds up the article until an editor gives it to someone else: editors see it, with who it waits on.
     */
    @Test
    void editorsSeeReviewsWaitingOnSomeoneWhoCannotReviewUntilTheyReassignThem() {
        String id = api.draft(article(uniqueTitle("Waiting"), "[]", "Back pain"));
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\", \"dr.kim\"]}", 200);
        assertThat(stalled()).doesNotContain(id);
        // dr.kim left the staff after being asked (the directory no longer lists them)
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("medicalReviewers", List.of("dr.rao", "dr.gone")),
                "articles");
        api.post("/api/v1/articles/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);

        JsonNode waiting = stalledItem(id);
        assertThat(waiting.get("type").asString()).isEqualTo("ARTICLE");
        assertThat(waiting.get("awaiting")).extracting(JsonNode::asString).containsExactly("dr.gone");
        assertThat(waiting.get("unavailable")).extracting(JsonNode::asString).containsExactly("dr.gone");
        call(HttpMethod.GET, "/api/v1/articles/stalled-reviews", AUTHOR, null, 403);
        call(HttpMethod.GET, "/api/v1/articles/stalled-reviews", DR_RAO, null, 403);

        call(HttpMethod.PUT, "/api/v1/articles/" + id + "/reviewers", EDITOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        assertThat(stalled()).doesNotContain(id);
    }

    private String stalled() {
        return call(HttpMethod.GET, "/api/v1/articles/stalled-reviews", EDITOR, null, 200)
                .toString();
    }

    private JsonNode stalledItem(String id) {
        for (JsonNode item : call(HttpMethod.GET, "/api/v1/articles/stalled-reviews", EDITOR, null, 200)
                .get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " is not among the stalled reviews");
    }

    private Instant fetchedAt() {
        return mongoTemplate
                .findById("current", Document.class, "staff_directory")
                .getDate("fetchedAt")
                .toInstant();
    }

    @Test
    void onlyMedicalReviewersOnTheStaffCanBeNamedAndTheArticleStaysADraft() {
        String id = api.draft(article(uniqueTitle("Names"), "[]", "Back pain"));
        JsonNode refused = api.post(
                "/api/v1/articles/" + id + "/submission",
                AUTHOR,
                "{\"reviewers\": [\"dr.rao\", \"eli.editor\", \"dr.nobody\"]}",
                422);
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("reviewers[1]", "reviewers[2]");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("not a medical reviewer");
        assertThat(refused.get("errors").get(1).get("message").asString()).contains("dr.nobody");
        assertThat(draft(id).get("status").asString()).isEqualTo("DRAFT");

        JsonNode own =
                api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"ana.author\"]}", 422);
        assertThat(own.get("errors").get(0).get("field").asString()).isEqualTo("reviewers[0]");
    }

    @Test
    void theAuthorWithdrawsASubmissionAndAnEditorReassignsAnother() {
        String id = api.draft(article(uniqueTitle("Withdrawn"), "[]", "Back pain"));
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        EventEnvelope requested = articleEvents.awaitEvent(
                e -> e.key().equals(id) && e.type().equals(EventType.ARTICLE_REVIEW_REQUESTED.ceType()));
        assertThat(TestEvents.dataOf(requested))
                .contains("\"reviewers\":[\"dr.rao\"]")
                .contains("\"author\":\"ana.author\"");
        assertThat(queue(DR_RAO, "")).contains(id);

        api.post("/api/v1/articles/" + id + "/withdrawal", OTHER_AUTHOR, "{}", 403);
        api.post("/api/v1/articles/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        JsonNode approvedAlready = draft(id);
        assertThat(approvedAlready.get("status").asString()).isEqualTo("APPROVED");
        api.post("/api/v1/articles/" + id + "/withdrawal", AUTHOR, "{}", 409);

        String second = api.draft(article(uniqueTitle("Reassigned"), "[]", "Back pain"));
        api.post("/api/v1/articles/" + second + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        JsonNode withdrawn = api.post(
                "/api/v1/articles/" + second + "/withdrawal",
                AUTHOR,
                "{\"reason\": \"A new guideline came out; revising first.\"}",
                200);
        assertThat(withdrawn.get("status").asString()).isEqualTo("DRAFT");
        assertThat(withdrawn.get("medicalReviewers")).isEmpty();
        assertThat(queue(DR_RAO, "")).doesNotContain(second);

        api.post("/api/v1/articles/" + second + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        call(HttpMethod.PUT, "/api/v1/articles/" + second + "/reviewers", AUTHOR, "{\"reviewers\": [\"dr.kim\"]}", 403);
        call(
                HttpMethod.PUT,
                "/api/v1/articles/" + second + "/reviewers",
                EDITOR,
                "{\"reviewers\": [\"eli.editor\"]}",
                422);
        JsonNode reassigned = call(
                HttpMethod.PUT,
                "/api/v1/articles/" + second + "/reviewers",
                EDITOR,
                "{\"reviewers\": [\"dr.kim\"]}",
                200);
        assertThat(reassigned.get("medicalReviewers").get(0).asString()).isEqualTo("dr.kim");
        assertThat(reassigned.get("medicalReviewers").size()).isEqualTo(1);
        assertThat(reassigned.get("awaiting").get(0).asString()).isEqualTo("dr.kim");
        assertThat(queue(DR_RAO, "")).doesNotContain(second);
        assertThat(queue(DR_KIM, "")).contains(second);
        api.post("/api/v1/articles/" + second + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 403);
        api.post(
                "/api/v1/articles/" + second + "/reviews",
                DR_KIM,
                "{\"outcome\": \"CHANGES_REQUESTED\", \"notes\": \"Add the 2011 review.\"}",
                200);
        EventEnvelope decided = articleEvents.awaitEvent(
                e -> e.key().equals(second) && e.type().equals(EventType.ARTICLE_REVIEW_DECIDED.ceType()));
        assertThat(TestEvents.dataOf(decided))
                .contains("\"outcome\":\"CHANGES_REQUESTED\"")
                .contains("\"reviewer\":\"dr.kim\"");

        // The history names people as the staff directory does.
        JsonNode history = draft(second).get("history");
        assertThat(history.findValuesAsString("action"))
                .contains(
                        "withdrawn from review",
                        "submitted for review to Dr. Priya Rao",
                        "reviewers changed to Dr. Min-jun Kim");
        assertThat(history.findValuesAsString("actorName")).contains("Ana Alvarez", "Eli Evans", "Dr. Min-jun Kim");
    }

    @Test
    void theQueueIsOldestFirstPagedByCursorAndTheDueWindowListsLiveContent() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = api.draft(article(uniqueTitle("Queued"), "[]", "Back pain"));
            api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
            submitted.add(id);
        }
        List<String> queue = new ArrayList<>();
        String after = "";
        do {
            JsonNode page = call(HttpMethod.GET, "/api/v1/articles/review-queue?size=2" + after, DR_KIM, null, 200);
            page.get("items").forEach(item -> queue.add(item.get("id").asString()));
            after = page.get("page").has("next")
                    ? "&after=" + page.get("page").get("next").asString()
                    : null;
        } while (after != null);
        assertThat(queue).containsSubsequence(submitted).doesNotHaveDuplicates();

        String live = api.published(article(uniqueTitle("Due soon"), "[]", "Back pain"));
        assertThat(queue(DR_RAO, "&due=30d")).contains(live);
        assertThat(queue(DR_KIM, "&due=30d")).doesNotContain(live);
        call(HttpMethod.GET, "/api/v1/articles/review-queue?due=forever", DR_RAO, null, 400);
        call(HttpMethod.GET, "/api/v1/articles/review-queue", AUTHOR, null, 403);
        assertThat(call(HttpMethod.GET, "/api/v1/articles/due-for-review?due=30d", EDITOR, null, 200)
                        .get("items")
                        .findValuesAsString("id"))
                .contains(live);
    }

    private List<String> queue(String token, String query) {
        return call(HttpMethod.GET, "/api/v1/articles/review-queue?size=100" + query, token, null, 200)
                .get("items")
                .findValuesAsString("id");
    }

    private JsonNode draft(String id) {
        return call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200);
    }

    private JsonNode call(HttpMethod method, String path, String token, String body, int status) {
        return api.call(method, path, token, body, status);
    }
}
