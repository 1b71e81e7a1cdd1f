package com.healthcontent.exercises.routine;

import static com.healthcontent.exercises.ExerciseApi.AUTHOR;
import static com.healthcontent.exercises.ExerciseApi.DR_RAO;
import static com.healthcontent.exercises.ExerciseApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.exercises.ExerciseApi;
import com.healthcontent.exercises.revisions.UnarchivedContent;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A routine tells readers how long and how often to hold each stretch, so it reaches them only after a medical
 * reviewer approved it: the observation of the issue (a ten-minute hold twenty times a day, sent by an author and
 * published by an editor alone) can no longer happen, a change to a live routine is a revision readers get only once
 * approved and published, and each step is announced on exercise.events.
 */
@ServiceIntegrationTest
class RoutineReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    UnreviewedRoutines unreviewedRoutines;

    @Autowired
    UnarchivedContent unarchivedContent;

    ExerciseApi api;

    @Watch(Topics.EXERCISE_EVENTS)
    TopicProbe exerciseEvents;

    @BeforeEach
    void setUp() {
        api = new ExerciseApi(port);
    }

    @Test
    void aRoutineReachesReadersOnlyReviewedAndARevisionOnlyOncePublished() {
        String exerciseId = publishedExercise();
        String name = "Easing " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = api.post("/api/v1/routines", AUTHOR, routine(name, exerciseId, 30, 2), 201);
        String id = draft.get("id").asString();
        String slug = draft.get("slug").asString();
        assertThat(draft.get("workflow").get("status").asString()).isEqualTo("DRAFT");

        // The editor alone cannot put it live, and readers do not see it.
        api.post("/api/v1/routines/" + id + "/publication", EDITOR, null, 409);
        api.call(HttpMethod.GET, "/api/v1/routines/" + slug, null, null, 404);

        api.post("/api/v1/routines/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        exerciseEvents.awaitEvent(e -> e.key().equals(id)
                && e.type().equals(EventType.ROUTINE_REVIEW_REQUESTED.ceType())
                && TestEvents.dataOf(e).contains("\"contentType\":\"ROUTINE\""));
        assertThat(queue()).contains(id);
        api.post("/api/v1/routines/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        api.post("/api/v1/routines/" + id + "/publication", EDITOR, null, 200);
        EventEnvelope published = exerciseEvents.awaitEvent(
                e -> e.key().equals(id) && e.type().equals(EventType.ROUTINE_PUBLISHED.ceType()));
        assertThat(TestEvents.dataOf(published))
                .contains("\"revision\":1")
                .contains("\"medicalReviewers\":[\"dr.rao\"]");

        JsonNode live = reader(slug);
        assertThat(live.get("exercises").get(0).get("dose").get("holdSeconds").asInt())
                .isEqualTo(30);
        assertThat(live.get("revision").asInt()).isEqualTo(1);
        assertThat(live.get("reviewedBy").get(0).get("name").asString()).isEqualTo("Dr. Priya Rao");
        assertThat(live.hasNonNull("workflow")).as("readers get no workflow").isFalse();

        // The routine: a ten-minute hold twenty times a day, as a revision of the live one.
        JsonNode revision = edit(id, routine(name, exerciseId, 600, 20));
        assertThat(revision.get("workflow").get("status").asString()).isEqualTo("DRAFT");
        assertThat(revision.get("exercises")
                        .get(0)
                        .get("dose")
                        .get("holdSeconds")
                        .asInt())
                .isEqualTo(600);
        assertThat(reader(slug)
                        .get("exercises")
                        .get(0)
                        .get("dose")
                        .get("holdSeconds")
                        .asInt())
                .as("readers keep the approved dose")
                .isEqualTo(30);
        api.post("/api/v1/routines/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post(
                "/api/v1/routines/" + id + "/reviews",
                DR_RAO,
                "{\"outcome\": \"CHANGES_REQUESTED\", \"notes\": \"Ten minutes is far too long.\"}",
                200);
        exerciseEvents.awaitEvent(e -> e.key().equals(id)
                && e.type().equals(EventType.ROUTINE_REVIEW_DECIDED.ceType())
                && TestEvents.dataOf(e).contains("CHANGES_REQUESTED"));
        api.post("/api/v1/routines/" + id + "/publication", EDITOR, null, 409);
        assertThat(reader(slug)
                        .get("exercises")
                        .get(0)
                        .get("dose")
                        .get("holdSeconds")
                        .asInt())
                .isEqualTo(30);
        assertThat(exerciseEvents.events().stream()
                        .filter(e -> e.key().equals(id))
                        .map(EventEnvelope::type))
                .doesNotContain(EventType.ROUTINE_REVISED.ceType());

        // Taken down with a reason: readers get 404, the list no longer has it.
        api.call(HttpMethod.DELETE, "/api/v1/routines/" + id + "/publication", EDITOR, "{}", 400);
        api.call(
                HttpMethod.DELETE,
                "/api/v1/routines/" + id + "/publication",
                EDITOR,
                "{\"reason\": \"A gentler routine replaces it.\"}",
                200);
        exerciseEvents.awaitEvent(e -> e.key().equals(id)
                && e.type().equals(EventType.ROUTINE_UNPUBLISHED.ceType())
                && TestEvents.dataOf(e).contains("A gentler routine replaces it."));
        api.call(HttpMethod.GET, "/api/v1/routines/" + slug, null, null, 404);
        assertThat(api.call(HttpMethod.GET, "/api/v1/routines?exerciseId=" + exerciseId, null, null, 200)
                        .get("items")
                        .findValuesAsString("slug"))
                .doesNotContain(slug);
    }

    @Test
    void badRoutinesAreRefusedNamingTheField() {
        String exerciseId = publishedExercise();
        JsonNode invalidDose = api.post("/api/v1/routines", AUTHOR, """
                {"name": "Bad dose", "goal": "None", "items": [
                  {"exerciseId": "%s", "dose": {"holdSeconds": 6000, "repetitions": {"min": 1, "max": 1}}}]}""".formatted(exerciseId), 400);
        assertThat(invalidDose.get("errors").findValuesAsString("field")).anyMatch(f -> f.contains("holdSeconds"));

        String unreviewed = api.post("/api/v1/exercises", AUTHOR, exercise("Draft only"), 201)
                .get("id")
                .asString();
        String routineId = api.post(
                        "/api/v1/routines",
                        AUTHOR,
                        routine("Uses a draft " + UUID.randomUUID(), unreviewed, 20, 2),
                        201)
                .get("id")
                .asString();
        JsonNode notPublished =
                api.post("/api/v1/routines/" + routineId + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 422);
        assertThat(notPublished.get("errors").get(0).get("field").asString()).isEqualTo("items[0].exerciseId");
        api.post(
                "/api/v1/routines",
                AUTHOR,
                routine("drafts", exerciseId, 20, 2).replace("\"name\"", "\"slug\": \"drafts\", \"name\""),
                400);
    }

    /** Each step refuses what it must: the wrong person (403), the wrong state (409), a stale or missing version. */
    @Test
    void everyStepRefusesTheWrongPersonAndTheWrongMoment() {
        String exerciseId = publishedExercise();
        String id = api.post("/api/v1/routines", AUTHOR, routine("Steps " + UUID.randomUUID(), exerciseId, 20, 2), 201)
                .get("id")
                .asString();
        String path = "/api/v1/routines/" + id;
        String body = routine("Steps again " + UUID.randomUUID(), exerciseId, 25, 2);
        put(path, DR_RAO, body, etag(id), 403);
        put(path, AUTHOR, body, null, 428);
        put(path, AUTHOR, body, "\"999\"", 412);
        api.post(path + "/submission", DR_RAO, "{\"reviewers\": [\"dr.kim\"]}", 403);
        api.post(path + "/withdrawal", AUTHOR, "{}", 409);
        api.post(path + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 403);
        api.post(path + "/review-requests", DR_RAO, "{\"reason\": \"Check it.\"}", 409);
        api.call(HttpMethod.DELETE, path + "/publication", EDITOR, "{\"reason\": \"No.\"}", 409);
        api.call(HttpMethod.PUT, path + "/reviewers", EDITOR, "{\"reviewers\": [\"dr.kim\"]}", 409);

        api.post(path + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        put(path, AUTHOR, body, etag(id), 409); // frozen while in review
        api.post(path + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 409);
        api.post(path + "/withdrawal", DR_RAO, "{}", 403);
        api.call(HttpMethod.PUT, path + "/reviewers", AUTHOR, "{\"reviewers\": [\"dr.kim\"]}", 403);
        JsonNode notAReviewer =
                api.call(HttpMethod.PUT, path + "/reviewers", EDITOR, "{\"reviewers\": [\"eli.editor\"]}", 422);
        assertThat(notAReviewer.get("errors").get(0).get("field").asString()).isEqualTo("reviewers[0]");
        api.call(HttpMethod.PUT, path + "/reviewers", EDITOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        api.post(path + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 403); // no longer assigned
        api.post(path + "/withdrawal", AUTHOR, "{\"reason\": \"One more stretch.\"}", 200);
        api.post(path + "/submission", AUTHOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        api.post(path + "/reviews", ExerciseApi.DR_KIM, "{\"outcome\": \"APPROVED\"}", 200);
        api.post(path + "/reviews", ExerciseApi.DR_KIM, "{\"outcome\": \"APPROVED\"}", 409);

        // Its exercise was retired after the approval: the routine cannot go live with it (422, naming the item).
        api.post("/api/v1/exercises/" + exerciseId + "/retirement", EDITOR, null, 200);
        JsonNode retired = api.post(path + "/publication", EDITOR, null, 422);
        assertThat(retired.get("errors").get(0).get("field").asString()).isEqualTo("items[0].exerciseId");
    }

    /** Live routines and exercises go back to review when a reviewer flags them, and stay live meanwhile. */
    @Test
    void aReviewerFlagsLiveContentBackToReview() {
        String exerciseId = publishedExercise();
        String exercisePath = "/api/v1/exercises/" + exerciseId;
        api.post(exercisePath + "/review-requests", AUTHOR, "{\"reason\": \"Outdated.\"}", 403);
        JsonNode flagged = api.post(exercisePath + "/review-requests", DR_RAO, "{\"reason\": \"New guideline.\"}", 200);
        assertThat(flagged.get("workflow").get("status").asString()).isEqualTo("NEEDS_REVIEW");
        exerciseEvents.awaitEvent(e -> e.key().equals(exerciseId)
                && e.type().equals(EventType.EXERCISE_REVIEW_DUE.ceType())
                && TestEvents.dataOf(e).contains("\"medicalReviewers\":[\"dr.rao\"]"));
        api.post(exercisePath + "/review-requests", DR_RAO, "{\"reason\": \"Again.\"}", 409);
        api.call(
                HttpMethod.GET,
                exercisePath.replace(exerciseId, flagged.get("slug").asString()),
                null,
                null,
                200);

        String exercise2 = publishedExercise();
        String id = api.post("/api/v1/routines", AUTHOR, routine("Flag " + UUID.randomUUID(), exercise2, 20, 2), 201)
                .get("id")
                .asString();
        String path = "/api/v1/routines/" + id;
        api.post(path + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post(path + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        String slug =
                api.post(path + "/publication", EDITOR, null, 200).get("slug").asString();
        api.call(HttpMethod.DELETE, path + "/publication", AUTHOR, "{\"reason\": \"Mine.\"}", 403);
        api.post(path + "/review-requests", AUTHOR, "{\"reason\": \"Outdated.\"}", 403);
        JsonNode due = api.post(path + "/review-requests", DR_RAO, "{\"reason\": \"New guideline.\"}", 200);
        assertThat(due.get("workflow").get("status").asString()).isEqualTo("NEEDS_REVIEW");
        exerciseEvents.awaitEvent(e -> e.key().equals(id) && e.type().equals(EventType.ROUTINE_REVIEW_DUE.ceType()));
        assertThat(reader(slug).get("revision").asInt())
                .as("still live while reviewed again")
                .isEqualTo(1);
        api.post(path + "/submission", EDITOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        assertThat(queue()).contains(id);
    }

    /**
     * A routine published before routines were reviewed stays live for its readers after the upgrade, but goes
     * straight to NEEDS_REVIEW, due now, so that a reviewer looks at its doses.
     */
    @Test
    void aRoutinePublishedBeforeReviewsExistedStaysLiveAndIsDueForReview() {
        String exerciseId = publishedExercise();
        String slug = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        Date then = Date.from(Instant.parse("2026-10-01T08:00:00Z"));
        mongoTemplate.insert(
                new Document("_id", id)
                        .append("slug", slug)
                        .append("name", "Old routine")
                        .append("goal", "Loosen up")
                        .append("items", List.of(new Document("exerciseId", exerciseId)))
                        .append("author", "ana.author")
                        .append("status", "PUBLISHED")
                        .append("createdAt", then)
                        .append("publishedAt", then)
                        .append("version", 0L),
                "routines");

        assertThat(unreviewedRoutines.rewriteAll()).isEqualTo(1);
        assertThat(unreviewedRoutines.rewriteAll()).as("once").isZero();
        unarchivedContent.archiveAll(); // as at the start of the upgrade that brought the revision archive

        JsonNode live = reader(slug);
        assertThat(live.get("name").asString()).isEqualTo("Old routine");
        assertThat(live.get("exercises").size()).isEqualTo(1);
        JsonNode staff = api.call(HttpMethod.GET, "/api/v1/routines/drafts/" + id, EDITOR, null, 200);
        assertThat(staff.get("workflow").get("status").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(staff.get("workflow").get("history").findValuesAsString("action"))
                .containsExactly("created", "published", "needs review");
        api.post("/api/v1/routines/" + id + "/submission", EDITOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
    }

    /**
     * An exercise and a routine in review whose reviewer is no longer on the staff (a name the directory does not
     * know: disabled since) are listed for editors, each in its collection, until they are given to someone else.
     */
    @Test
    void editorsSeeExercisesAndRoutinesWaitingOnSomeoneWhoCannotReview() {
        String exerciseId = api.post("/api/v1/exercises", AUTHOR, exercise("Waiting " + UUID.randomUUID()), 201)
                .get("id")
                .asString();
        api.post("/api/v1/exercises/" + exerciseId + "/submission", AUTHOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        String routineId = api.post(
                        "/api/v1/routines",
                        AUTHOR,
                        routine("Waiting " + UUID.randomUUID().toString().substring(0, 8), publishedExercise(), 30, 2),
                        201)
                .get("id")
                .asString();
        api.post("/api/v1/routines/" + routineId + "/submission", AUTHOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        assertThat(stalled("exercises")).doesNotContain(exerciseId);
        assertThat(stalled("routines")).doesNotContain(routineId);

        for (String collection : List.of("exercises", "routines")) {
            mongoTemplate.updateFirst(
                    Query.query(Criteria.where("_id").is(collection.equals("exercises") ? exerciseId : routineId)),
                    new Update().set("medicalReviewers", List.of("dr.gone")),
                    collection);
            api.call(HttpMethod.GET, "/api/v1/" + collection + "/stalled-reviews", AUTHOR, null, 403);
        }
        assertThat(stalled("exercises")).contains(exerciseId).contains("\"unavailable\":[\"dr.gone\"]");
        assertThat(stalled("routines")).contains(routineId).contains("\"type\":\"ROUTINE\"");

        api.call(
                HttpMethod.PUT,
                "/api/v1/routines/" + routineId + "/reviewers",
                EDITOR,
                "{\"reviewers\": [\"dr.rao\"]}",
                200);
        assertThat(stalled("routines")).doesNotContain(routineId);
    }

    private String stalled(String collection) {
        return api.call(HttpMethod.GET, "/api/v1/" + collection + "/stalled-reviews", EDITOR, null, 200)
                .toString();
    }

    private String publishedExercise() {
        return api.published(exercise("Knees " + UUID.randomUUID().toString().substring(0, 8)))
                .get("id")
                .asString();
    }

    private List<String> queue() {
        return api.call(HttpMethod.GET, "/api/v1/routines/review-queue", DR_RAO, null, 200)
                .get("items")
                .findValuesAsString("id");
    }

    private JsonNode reader(String slug) {
        return api.call(HttpMethod.GET, "/api/v1/routines/" + slug, null, null, 200);
    }

    private String etag(String id) {
        return api.client()
                .get()
                .uri("/api/v1/routines/drafts/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    private void put(String path, String token, String body, String ifMatch, int status) {
        var request = api.client()
                .put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        request.body(body).exchange().expectStatus().isEqualTo(status);
    }

    private JsonNode edit(String id, String body) {
        String etag = api.client()
                .get()
                .uri("/api/v1/routines/drafts/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        String response = api.client()
                .put()
                .uri("/api/v1/routines/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        return JsonMapper.builder().build().readTree(response);
    }

    private static String routine(String name, String exerciseId, int hold, int perDay) {
        return """
                {"name": "%s", "goal": "Ease a stiff lower back", "items": [
                  {"exerciseId": "%s", "dose": {"holdSeconds": %d, "repetitions": {"min": 1, "max": 2},
                   "frequency": {"min": 1, "max": %d, "per": "DAY"}}}]}""".formatted(name, exerciseId, hold, perDay);
    }

    private static String exercise(String name) {
        return """
                {"name": "%s", "summary": "Eases a stiff lower back.", "bodyRegions": ["LOWER_BACK"],
                 "position": "LYING_ON_BACK", "steps": ["Lie on your back.", "Bring both knees to your chest."],
                 "dose": {"holdSeconds": 30, "repetitions": {"min": 1, "max": 1}}}""".formatted(name);
    }
}
