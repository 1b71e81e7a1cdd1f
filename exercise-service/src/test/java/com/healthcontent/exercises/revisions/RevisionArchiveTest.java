package com.healthcontent.exercises.revisions;

import static com.healthcontent.exercises.ExerciseApi.AUTHOR;
import static com.healthcontent.exercises.ExerciseApi.DR_RAO;
import static com.healthcontent.exercises.ExerciseApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.exercises.ExerciseApi;
import com.healthcontent.provenance.ApprovalRecord;
import com.healthcontent.provenance.ContentDigest;
import com.healthcontent.provenance.PageCheck;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestTokens;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Exercises and routines are archived like articles: every published version comes back exactly with who approved it
 * and its digest, two compare part by part, an old one can be restored as a working copy, readers get the digest with
 * the page with a signed approval record that verifies, and a page changed behind the platform's back is refused.
 */
@ServiceIntegrationTest
class RevisionArchiveTest {

    static final String READER = TestTokens.forUser("rita.reader");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    ExerciseApi api;

    @BeforeEach
    void setUp() {
        api = new ExerciseApi(port);
    }

    @Test
    void everyPublishedExerciseVersionComesBackAndAnyTwoCompare() {
        String name = "Archived " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode published = api.published(exercise(name, 30));
        String id = published.get("id").asString();
        String slug = published.get("slug").asString();
        edit(id, exercise(name, 45));
        api.post("/api/v1/exercises/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post(
                "/api/v1/exercises/" + id + "/reviews",
                DR_RAO,
                "{\"outcome\": \"APPROVED\", \"notes\": \"45 s is within the guideline.\"}",
                200);
        api.post("/api/v1/exercises/" + id + "/publication", EDITOR, null, 200);

        String revisions = "/api/v1/exercises/" + id + "/revisions";
        JsonNode list = api.call(HttpMethod.GET, revisions, DR_RAO, null, 200);
        assertThat(list.valueStream().map(r -> r.get("number").asInt())).containsExactly(2, 1);
        assertThat(list.get(0).get("approvals").get(0).get("notes").asString())
                .isEqualTo("45 s is within the guideline.");
        JsonNode first = api.call(HttpMethod.GET, revisions + "/1", EDITOR, null, 200);
        assertThat(first.get("content").get("dose").get("holdSeconds").asInt()).isEqualTo(30);
        assertThat(first.get("content").get("name").asString()).isEqualTo(name);

        JsonNode page = api.call(HttpMethod.GET, "/api/v1/exercises/" + slug, null, null, 200);
        assertThat(page.get("contentDigest").asString())
                .isEqualTo(list.get(0).get("digest").asString());
        JsonNode second = api.call(HttpMethod.GET, revisions + "/2", EDITOR, null, 200);
        assertThat(second.get("digest").asString()).isEqualTo(ContentDigest.of(second.get("content")));
        assertThat(page.get("revision").asInt()).isEqualTo(2);
        assertThat(verifiedRecord("exercises", slug).revision()).isEqualTo(2);

        JsonNode diff = api.call(HttpMethod.GET, revisions + "/diff?from=1&to=2", DR_RAO, null, 200);
        assertThat(diff.get("changes").findValuesAsString("path")).contains("dose.holdSeconds");

        api.post(revisions + "/1/restoration", DR_RAO, null, 403);
        JsonNode restored = api.post(revisions + "/1/restoration", EDITOR, null, 200);
        assertThat(restored.get("dose").get("holdSeconds").asInt()).isEqualTo(30);
        assertThat(restored.get("workflow").get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.call(HttpMethod.GET, "/api/v1/exercises/" + slug, null, null, 200)
                        .get("dose")
                        .get("holdSeconds")
                        .asInt())
                .as("readers keep revision 2 until the restored one is reviewed and published")
                .isEqualTo(45);
        api.post("/api/v1/exercises/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post(revisions + "/2/restoration", EDITOR, null, 409); // frozen while in review

        api.call(HttpMethod.GET, revisions + "/3", EDITOR, null, 404);
        api.call(HttpMethod.GET, revisions + "/latest", EDITOR, null, 404);
        api.call(HttpMethod.GET, revisions, READER, null, 403);
        api.call(HttpMethod.GET, revisions, null, null, 401);
        JsonNode missing = api.call(HttpMethod.GET, revisions + "/diff?to=2", EDITOR, null, 400);
        assertThat(missing.get("errors").findValuesAsString("field")).containsExactly("from");
    }

    @Test
    void routinesAreArchivedAndATamperedOneIsRefused() {
        String exerciseId = api.published(exercise("For a routine " + UUID.randomUUID(), 20))
                .get("id")
                .asString();
        String routine = """
                {"name": "Archived routine %s", "goal": "Loosen up", "items": [
                  {"exerciseId": "%s", "dose": {"holdSeconds": 25, "repetitions": {"min": 1, "max": 2}}}]}""".formatted(UUID.randomUUID().toString().substring(0, 8), exerciseId);
        JsonNode draft = api.post("/api/v1/routines", AUTHOR, routine, 201);
        String id = draft.get("id").asString();
        api.post("/api/v1/routines/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/routines/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        String slug = api.post("/api/v1/routines/" + id + "/publication", EDITOR, null, 200)
                .get("slug")
                .asString();

        JsonNode revisions = api.call(HttpMethod.GET, "/api/v1/routines/" + id + "/revisions", DR_RAO, null, 200);
        JsonNode page = api.call(HttpMethod.GET, "/api/v1/routines/" + slug, null, null, 200);
        assertThat(page.get("contentDigest").asString())
                .isEqualTo(revisions.get(0).get("digest").asString());
        ApprovalRecord record = verifiedRecord("routines", slug);
        assertThat(record.contentType()).isEqualTo("routine");
        assertThat(record.reviewers()).extracting(ApprovalRecord.Reviewer::name).containsExactly("Dr. Priya Rao");
        JsonNode archived = api.call(HttpMethod.GET, "/api/v1/routines/" + id + "/revisions/1", EDITOR, null, 200);
        assertThat(archived.get("content")
                        .get("items")
                        .get(0)
                        .get("dose")
                        .get("holdSeconds")
                        .asInt())
                .isEqualTo(25);

        String routineRevisions = "/api/v1/routines/" + id + "/revisions";
        assertThat(api.call(HttpMethod.GET, routineRevisions + "/diff?from=1&to=1", DR_RAO, null, 200)
                        .get("changes"))
                .isEmpty();
        api.post(routineRevisions + "/1/restoration", DR_RAO, null, 403);
        api.post(routineRevisions + "/1/restoration", EDITOR, null, 200);
        api.post("/api/v1/routines/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post(routineRevisions + "/1/restoration", EDITOR, null, 409);

        // a dose changed directly in the database: ten minutes instead of 25 seconds
        mongoTemplate
                .getCollection("routines")
                .updateOne(
                        new Document("_id", id),
                        new Document("$set", new Document("live.items.0.dose.holdSeconds", 600)));
        JsonNode refused = api.call(HttpMethod.GET, "/api/v1/routines/" + slug, null, null, 503);
        assertThat(refused.get("detail").asString()).contains("integrity check");
        api.call(HttpMethod.GET, "/api/v1/routines/" + slug + "/approval", null, null, 503);
    }

    @Test
    void aTamperedExerciseIsRefused() {
        JsonNode published = api.published(
                exercise("Tampered " + UUID.randomUUID().toString().substring(0, 8), 30));
        mongoTemplate
                .getCollection("exercises")
                .updateOne(
                        new Document("_id", published.get("id").asString()),
                        new Document("$set", new Document("content.dose.holdSeconds", 600)));
        api.call(HttpMethod.GET, "/api/v1/exercises/" + published.get("slug").asString(), null, null, 503);
        api.call(
                HttpMethod.GET, "/api/v1/exercises/" + published.get("slug").asString() + "/approval", null, null, 503);
    }

    /** The page, its signed approval record and the published keys, checked as anyone outside would. */
    private ApprovalRecord verifiedRecord(String collection, String slug) {
        JsonNode page = api.call(HttpMethod.GET, "/api/v1/" + collection + "/" + slug, null, null, 200);
        JsonNode approval =
                api.call(HttpMethod.GET, "/api/v1/" + collection + "/" + slug + "/approval", null, null, 200);
        JsonNode keys = api.call(HttpMethod.GET, approval.get("keys").asString(), null, null, 200);
        PageCheck.Verdict verdict;
        try {
            verdict = new PageCheck(page, approval, JWKSet.parse(keys.toString()), collection.replaceAll("s$", ""))
                    .verify();
        } catch (java.text.ParseException e) {
            throw new AssertionError("the published keys are not a JWK set", e);
        }
        assertThat(verdict.findings())
                .allSatisfy(finding -> assertThat(finding.passed())
                        .as(finding.check() + ": " + finding.detail())
                        .isTrue());
        // revalidated like the page: a client holding this revision's record gets a 304
        String path = "/api/v1/" + collection + "/" + slug + "/approval";
        String etag = api.client()
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        api.client()
                .get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
        return verdict.record().orElseThrow();
    }

    private void edit(String id, String body) {
        String etag = api.client()
                .get()
                .uri("/api/v1/exercises/drafts/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        api.client()
                .put()
                .uri("/api/v1/exercises/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static String exercise(String name, int hold) {
        return """
                {"name": "%s", "summary": "Eases a stiff lower back.", "bodyRegions": ["LOWER_BACK"],
                 "position": "LYING_ON_BACK", "steps": ["Lie on your back.", "Bring both knees to your chest."],
                 "dose": {"holdSeconds": %d, "repetitions": {"min": 1, "max": 1}}}""".formatted(name, hold);
    }
}
