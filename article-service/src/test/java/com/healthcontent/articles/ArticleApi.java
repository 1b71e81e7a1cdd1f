package com.healthcontent.articles;

import static org.awaitility.Awaitility.await;

import com.healthcontent.articles.exercises.ExerciseSummaries;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.testsupport.JsonApi;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TestTokens;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;

/** Drives article-service's API the way staff clients do, for tests that need articles in a given state. */
public final class ArticleApi extends JsonApi {

    public static final String AUTHOR = TestTokens.forUser("ana.author", "AUTHOR");
    public static final String OTHER_AUTHOR = TestTokens.forUser("olga.author", "AUTHOR");
    public static final String EDITOR = TestTokens.forUser("eli.editor", "EDITOR");
    public static final String DR_RAO = TestTokens.forUser("dr.rao", "MEDICAL_REVIEWER");
    public static final String DR_KIM = TestTokens.forUser("dr.kim", "MEDICAL_REVIEWER");
    public static final String ADMIN = TestTokens.forUser("ops.admin", "ADMIN");

    public ArticleApi(int port) {
        super(port);
    }

    public String etagOf(String id) {
        return client().get()
                .uri("/api/v1/articles/drafts/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    public String draft(String body) {
        return post("/api/v1/articles", AUTHOR, body, 201).get("id").asString();
    }

    /** Draft, review by dr.rao, approval: ready for an editor to publish. */
    public String approved(String body) {
        String id = draft(body);
        post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        post("/api/v1/articles/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        return id;
    }

    public String published(String body) {
        String id = approved(body);
        post("/api/v1/articles/" + id + "/publication", EDITOR, null, 200);
        return id;
    }

    /** A complete article body: one cited reference, tags and category as given. */
    public static String article(String title, String tags, String category) {
        return """
                {"title": "%s", "summary": "What to know.", "tags": %s, "categories": ["%s"],
                 "sections": [{"type": "TEXT", "heading": "Why", "body": "Joints release gas [1]."}],
                 "references": [{"number": 1, "title": "Joint cavitation", "doi": "10.1371/journal.pone.0119470"}]}
                """.formatted(title, tags, category);
    }

    public static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String slugOf(String title) {
        return title.toLowerCase().replace(' ', '-');
    }

    /** Publishes an exercise as exercise-service would and waits until article-service's read model has it. */
    public static String publishedExercise(TopicProbe exerciseEvents, ExerciseSummaries summaries, String slug) {
        String exerciseId = UUID.randomUUID().toString();
        exerciseEvents.publish(TestEvents.of(
                EventType.EXERCISE_PUBLISHED,
                exerciseId,
                new ExercisePublished(
                        exerciseId,
                        slug,
                        "Knees to chest",
                        "Eases the lower back.",
                        List.of("LOWER_BACK"),
                        "LYING_ON_BACK",
                        "ana.author",
                        List.of("dr.rao"),
                        Instant.now(),
                        1)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> summaries.find(exerciseId).isPresent());
        return exerciseId;
    }

    /** A word changed directly in the database, behind the platform's back: the live version no longer approved. */
    public static void tamperWith(MongoTemplate mongoTemplate, String id) {
        mongoTemplate
                .getCollection("articles")
                .updateOne(
                        new Document("_id", id),
                        new Document(
                                "$set",
                                new Document(
                                        "live.content.sections",
                                        List.of(new Document("type", "TEXT")
                                                .append("heading", "Why")
                                                .append("body", "Crack it as hard as you can [1].")))));
    }
}
