package com.healthcontent.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TestTokens;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The library as readers and staff use it: filters, routines and sessions, retirement, roles, media. */
@ServiceIntegrationTest
class ExerciseLibraryTest {

    static final String AUTHOR = TestTokens.forUser("ana.author", "AUTHOR");
    static final String OTHER_AUTHOR = TestTokens.forUser("olga.author", "AUTHOR");
    static final String EDITOR = TestTokens.forUser("eli.editor", "EDITOR");
    static final String REVIEWER = TestTokens.forUser("dr.rao", "MEDICAL_REVIEWER");
    static final String ADMIN = TestTokens.forUser("ops.admin", "ADMIN");

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    ExerciseApi api;
    RestTestClient client;

    @BeforeEach
    void setUp() {
        api = new ExerciseApi(port);
        client = api.client();
    }

    @Test
    void filtersCombineAndMaxDurationUsesTheDose() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String shortHold =
                published(exercise("Short " + marker, "KNEELING", "[\"UPPER_BACK\"]", 10, 1, 1, "CHALLENGING"));
        published(exercise("Long " + marker, "KNEELING", "[\"UPPER_BACK\"]", 60, 3, 5, "CHALLENGING"));

        assertThat(slugs("?q=" + marker + "&position=KNEELING&bodyRegion=UPPER_BACK"))
                .hasSize(2);
        assertThat(slugs("?q=" + marker + "&maxDurationSeconds=60")).containsExactly(shortHold);
        assertThat(slugs("?q=" + marker + "&difficulty=CHALLENGING&equipment=Yoga Mat"))
                .hasSize(2);
        assertThat(slugs("?q=" + marker + "&position=STANDING")).isEmpty();
        api.call(HttpMethod.GET, "/api/v1/exercises?maxDurationSeconds=0", null, null, 400);
        api.call(HttpMethod.GET, "/api/v1/exercises?bodyRegion=ELBOW", null, null, 400);
    }

    @Test
    void aRoutinePlaysAsAGuidedSessionWithItsDoseOverrides() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String first =
                idOf(published(exercise("Knees " + marker, "LYING_ON_BACK", "[\"LOWER_BACK\"]", 30, 1, 1, null)));
        String second =
                idOf(published(exercise("Twist " + marker, "LYING_ON_BACK", "[\"LOWER_BACK\"]", 20, 2, 3, null)));
        JsonNode routine =
                api.call(HttpMethod.POST, "/api/v1/routines", AUTHOR, """
                {"name": "Morning %s", "goal": "Ease back stiffness", "items": [
                  {"exerciseId": "%s"},
                  {"exerciseId": "%s", "dose": {"holdSeconds": 10, "repetitions": {"min": 2, "max": 2}}}]}
                """.formatted(marker, first, second), 201);
        api.call(
                HttpMethod.POST,
                "/api/v1/routines/" + routine.get("id").asString() + "/publication",
                AUTHOR,
                null,
                403);
        String routineId = routine.get("id").asString();
        api.call(HttpMethod.POST, "/api/v1/routines/" + routineId + "/publication", EDITOR, null, 409); // unreviewed
        api.call(HttpMethod.GET, "/api/v1/routines/" + routine.get("slug").asString(), null, null, 404);
        reviewed(routineId);
        api.call(HttpMethod.POST, "/api/v1/routines/" + routineId + "/publication", EDITOR, null, 200);
        String slug = routine.get("slug").asString();

        JsonNode view = api.call(HttpMethod.GET, "/api/v1/routines/" + slug, null, null, 200);
        assertThat(view.get("totalDurationSeconds").asInt()).isEqualTo(30 + 2 * 10);
        JsonNode session = api.call(HttpMethod.GET, "/api/v1/routines/" + slug + "/session", null, null, 200);
        // prepare 10 + hold 30, prepare 10 + hold 10 + relax 3 + hold 10
        assertThat(session.get("totalSeconds").asInt()).isEqualTo(73);
        assertThat(session.get("segments").findValuesAsString("kind"))
                .containsExactly("PREPARE", "HOLD", "PREPARE", "HOLD", "RELAX", "HOLD");
        JsonNode usingSecond = api.call(HttpMethod.GET, "/api/v1/routines?exerciseId=" + second, null, null, 200)
                .get("items");
        assertThat(usingSecond.size()).isEqualTo(1);
        assertThat(usingSecond.get(0).get("slug").asString()).isEqualTo(slug);
    }

    @Test
    void anArticlePageAsksForTheRoutinesOfAllItsExercisesAtOnce() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String first = idOf(published(exercise("Cat " + marker, "KNEELING", "[\"UPPER_BACK\"]", 10, 1, 1, null)));
        String second = idOf(published(exercise("Cow " + marker, "KNEELING", "[\"UPPER_BACK\"]", 10, 1, 1, null)));
        String unused = idOf(published(exercise("Bird " + marker, "KNEELING", "[\"UPPER_BACK\"]", 10, 1, 1, null)));
        String both = publishedRoutine("Both " + marker, first, second);
        String onlySecond = publishedRoutine("Second " + marker, second);

        JsonNode found = api.call(
                        HttpMethod.GET,
                        "/api/v1/routines?exerciseId=" + first + "&exerciseId=" + second + "&exerciseId=" + unused,
                        null,
                        null,
                        200)
                .get("items");
        // each routine once, with its steps from the approved exercises
        List<String> slugs = new ArrayList<>();
        int steps = 0;
        for (JsonNode routine : found) {
            slugs.add(routine.get("slug").asString());
            steps += routine.get("exercises").size();
        }
        assertThat(slugs).containsExactlyInAnyOrder(both, onlySecond);
        assertThat(steps).isEqualTo(3);
        assertThat(api.call(HttpMethod.GET, "/api/v1/routines?exerciseId=" + unused, null, null, 200)
                        .get("items")
                        .size())
                .isZero();

        String tooMany = String.join(
                "&",
                IntStream.rangeClosed(0, 50).mapToObj(i -> "exerciseId=e" + i).toList());
        client.get()
                .uri("/api/v1/routines?" + tooMany)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("exerciseId");
    }

    private String publishedRoutine(String name, String... exerciseIds) {
        String items = String.join(
                ", ",
                Arrays.stream(exerciseIds)
                        .map(id -> "{\"exerciseId\": \"" + id + "\"}")
                        .toList());
        JsonNode routine = api.call(
                HttpMethod.POST,
                "/api/v1/routines",
                AUTHOR,
                "{\"name\": \"" + name + "\", \"goal\": \"Loosen up\", \"items\": [" + items + "]}",
                201);
        reviewed(routine.get("id").asString());
        api.call(
                HttpMethod.POST,
                "/api/v1/routines/" + routine.get("id").asString() + "/publication",
                EDITOR,
                null,
                200);
        return routine.get("slug").asString();
    }

    /** Sent to Dr Rao by its author and approved: ready for an editor to publish. */
    private void reviewed(String routineId) {
        api.call(
                HttpMethod.POST,
                "/api/v1/routines/" + routineId + "/submission",
                AUTHOR,
                "{\"reviewers\": [\"dr.rao\"]}",
                200);
        api.call(
                HttpMethod.POST,
                "/api/v1/routines/" + routineId + "/reviews",
                REVIEWER,
                "{\"outcome\": \"APPROVED\", \"notes\": \"Doses checked.\"}",
                200);
    }

    @Test
    void aRetiredExerciseStaysReadableWithANoticeButLeavesListsAndSessions() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String slug = published(exercise("Retire " + marker, "SITTING", "[\"NECK\"]", 10, 1, 1, null));
        String id = idOf(slug);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/retirement", AUTHOR, null, 403);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/retirement", EDITOR, null, 200);

        JsonNode retired = api.call(HttpMethod.GET, "/api/v1/exercises/" + slug, null, null, 200);
        assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
        assertThat(retired.get("notice").asString()).contains("retired");
        assertThat(slugs("?q=" + marker)).isEmpty();
        api.call(HttpMethod.GET, "/api/v1/exercises/" + slug + "/session", null, null, 404);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/retirement", EDITOR, null, 409);
    }

    @Test
    void whoMayWriteWhat() {
        String body = exercise(
                "Roles " + UUID.randomUUID().toString().substring(0, 8), "STANDING", "[\"NECK\"]", 5, 1, 1, null);
        api.call(HttpMethod.POST, "/api/v1/exercises", null, body, 401);
        api.call(HttpMethod.POST, "/api/v1/exercises", REVIEWER, body, 403);
        String id = api.call(HttpMethod.POST, "/api/v1/exercises", AUTHOR, body, 201)
                .get("id")
                .asString();
        api.call(HttpMethod.POST, "/api/v1/exercises", ADMIN, body.replace("Roles ", "Admin "), 201);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/publication", EDITOR, null, 409); // not reviewed
        api.call(
                HttpMethod.POST,
                "/api/v1/exercises/" + id + "/submission",
                OTHER_AUTHOR,
                "{\"reviewers\": [\"dr.rao\"]}",
                403);
        api.call(
                HttpMethod.POST,
                "/api/v1/exercises/" + id + "/submission",
                AUTHOR,
                "{\"reviewers\": [\"dr.rao\"]}",
                200);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/reviews", REVIEWER, "{\"outcome\": \"APPROVED\"}", 200);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/publication", AUTHOR, null, 403);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/publication", REVIEWER, null, 403);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/publication", EDITOR, null, 200);
        api.call(HttpMethod.POST, "/api/v1/exercises/" + id + "/publication", EDITOR, null, 409);
        api.call(HttpMethod.GET, "/api/v1/exercises/drafts/" + id, null, null, 401);
        api.call(HttpMethod.GET, "/api/v1/exercises/drafts/" + id, REVIEWER, null, 200);
        api.call(
                HttpMethod.POST,
                "/api/v1/routines",
                REVIEWER,
                "{\"name\": \"x\", \"goal\": \"y\", \"items\": " + "[{\"exerciseId\": \"" + id + "\"}]}",
                403);
        api.call(
                HttpMethod.POST,
                "/api/v1/routines",
                AUTHOR,
                "{\"name\": \"Unknown " + id + "\", \"goal\": \"y\", " + "\"items\": [{\"exerciseId\": \"nope\"}]}",
                400);
        var update = client.put()
                .uri("/api/v1/exercises/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OTHER_AUTHOR)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
        update.exchange().expectStatus().isForbidden();
    }

    @Test
    void mediaNeedsAltTextAndALicence() {
        String withMedia = exercise(
                        "Media " + UUID.randomUUID().toString().substring(0, 8),
                        "STANDING",
                        "[\"NECK\"]",
                        5,
                        1,
                        1,
                        null)
                .replace(
                        "\"steps\"",
                        "\"media\": [{\"type\": \"IMAGE\", \"url\": \"https://img.example/x.jpg\","
                                + " \"altText\": \"A person kneeling\", \"licence\": \"CC-BY-SA 4.0\", \"attribution\": \"wger\"}],"
                                + " \"variations\": [\"knees-to-chest\"], \"steps\"");
        JsonNode created = api.call(HttpMethod.POST, "/api/v1/exercises", AUTHOR, withMedia, 201);
        assertThat(created.get("media").get(0).get("licence").asString()).isEqualTo("CC-BY-SA 4.0");
        assertThat(created.get("variations").get(0).asString()).isEqualTo("knees-to-chest");

        JsonNode refused = api.call(
                HttpMethod.POST,
                "/api/v1/exercises",
                AUTHOR,
                withMedia.replace("\"altText\": \"A person kneeling\", ", ""),
                400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("media[0].altText");
    }

    @Test
    void featuredInKeepsTheNewestRevisionWhateverTheOrderOfDelivery() {
        String slug = published(exercise(
                "Featured " + UUID.randomUUID().toString().substring(0, 8), "STANDING", "[\"NECK\"]", 5, 1, 1, null));
        String exerciseId = idOf(slug);
        String articleId = UUID.randomUUID().toString();
        try (TopicProbe articleEvents = TopicProbe.open(brokers, Topics.ARTICLE_EVENTS)) {
            articleEvents.publish(TestEvents.of(
                    EventType.ARTICLE_REVISED, articleId, article(articleId, "Newer title", exerciseId, 2)));
            articleEvents.publish(TestEvents.of(
                    EventType.ARTICLE_PUBLISHED, articleId, article(articleId, "Older title", exerciseId, 1)));
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(
                            () -> assertThat(api.call(HttpMethod.GET, "/api/v1/exercises/" + slug, null, null, 200)
                                            .get("featuredIn")
                                            .findValuesAsString("title"))
                                    .containsExactly("Newer title"));
        }
    }

    private static ArticlePublished article(String id, String title, String exerciseId, int revision) {
        return new ArticlePublished(
                id,
                "article-" + id.substring(0, 8),
                title,
                "s",
                List.of(),
                "ana.author",
                List.of("dr.rao"),
                List.of(exerciseId),
                Instant.now(),
                revision);
    }

    @Test
    void eachWorkflowStepRefusesWhatItCannotDoWithTheDocumentedStatus() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String body = exercise("Steps " + marker, "STANDING", "[\"NECK\"]", 5, 1, 1, null);
        String reviewers = "{\"reviewers\": [\"dr.rao\"]}";
        String approval = "{\"outcome\": \"APPROVED\"}";
        String unknown = "/api/v1/exercises/" + UUID.randomUUID();
        String id = api.call(HttpMethod.POST, "/api/v1/exercises", AUTHOR, body, 201)
                .get("id")
                .asString();
        String draft = "/api/v1/exercises/" + id;
        api.call(HttpMethod.POST, "/api/v1/exercises", AUTHOR, body, 409); // the slug is taken

        api.call(HttpMethod.POST, draft + "/withdrawal", AUTHOR, null, 409); // nothing to withdraw
        api.call(HttpMethod.PUT, draft + "/reviewers", EDITOR, reviewers, 409);
        api.call(HttpMethod.POST, draft + "/submission", AUTHOR, reviewers, 200);
        api.call(HttpMethod.POST, draft + "/submission", AUTHOR, reviewers, 409); // already in review
        api.call(HttpMethod.POST, draft + "/withdrawal", OTHER_AUTHOR, null, 403);
        api.call(HttpMethod.PUT, draft + "/reviewers", AUTHOR, reviewers, 403);
        api.call(HttpMethod.PUT, draft + "/reviewers", EDITOR, "{\"reviewers\": [\"ana.author\"]}", 422);
        for (String[] step : new String[][] {
            {"POST", "/reviews", approval},
            {"POST", "/submission", reviewers},
            {"POST", "/withdrawal", null},
            {"PUT", "/reviewers", reviewers}
        }) {
            api.call(
                    HttpMethod.valueOf(step[0]),
                    unknown + step[1],
                    step[0].equals("PUT") ? EDITOR : AUTHOR,
                    step[2],
                    404);
        }
        client.put()
                .uri(unknown)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isNotFound();

        String exerciseSlug = api.call(HttpMethod.POST, draft + "/reviews", REVIEWER, approval, 200)
                .get("slug")
                .asString();
        api.call(HttpMethod.POST, draft + "/reviews", REVIEWER, approval, 409); // reviewed already
        String routine = "{\"name\": \"Routine " + marker + "\", \"goal\": \"Loosen up\", \"items\": "
                + "[{\"exerciseId\": \"" + id + "\"}]}";
        String routineId = api.call(HttpMethod.POST, "/api/v1/routines", AUTHOR, routine, 201)
                .get("id")
                .asString();
        api.call(HttpMethod.POST, "/api/v1/routines", AUTHOR, routine, 409);
        // its exercise is approved, not yet published: the routine cannot go to review
        JsonNode notYet = api.call(
                HttpMethod.POST,
                "/api/v1/routines/" + routineId + "/submission",
                AUTHOR,
                "{\"reviewers\": [\"dr.rao\"]}",
                422);
        assertThat(notYet.get("errors").get(0).get("field").asString()).isEqualTo("items[0].exerciseId");
        api.call(HttpMethod.POST, draft + "/publication", EDITOR, null, 200);
        api.call(HttpMethod.GET, "/api/v1/exercises/" + exerciseSlug + "/session", null, null, 200);
        reviewed(routineId);
        api.call(HttpMethod.POST, "/api/v1/routines/" + routineId + "/publication", EDITOR, null, 200);
        api.call(HttpMethod.POST, "/api/v1/routines/" + routineId + "/publication", EDITOR, null, 409);
    }

    static String exercise(
            String name, String position, String regions, int hold, int reps, int sets, String difficulty) {
        return """
                {"name": "%s", "summary": "A stretch.", "bodyRegions": %s, "position": "%s",
                 "equipment": ["yoga mat"], %s "steps": ["Start.", "Stretch."],
                 "dose": {"holdSeconds": %d, "repetitions": {"min": 1, "max": %d}, "sets": %d, "restSeconds": 0}}
                """.formatted(
                        name,
                        regions,
                        position,
                        difficulty == null ? "" : "\"difficulty\": \"" + difficulty + "\",",
                        hold,
                        reps,
                        sets);
    }

    private String published(String body) {
        return api.published(body).get("slug").asString();
    }

    private String idOf(String slug) {
        return api.call(HttpMethod.GET, "/api/v1/exercises/" + slug, null, null, 200)
                .get("id")
                .asString();
    }

    private List<String> slugs(String query) {
        return api.call(HttpMethod.GET, "/api/v1/exercises" + query, null, null, 200)
                .get("items")
                .findValuesAsString("slug");
    }
}
