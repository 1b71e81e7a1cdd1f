package com.healthcontent.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcontent.clients.articles.api.ArticlesApi;
import com.healthcontent.clients.articles.model.ArticleRequest;
import com.healthcontent.clients.articles.model.Draft;
import com.healthcontent.clients.articles.model.PublicArticle;
import com.healthcontent.clients.articles.model.Section;
import com.healthcontent.clients.feedback.api.ReaderFeedbackApi;
import com.healthcontent.clients.feedback.model.FeedbackRequest;
import com.healthcontent.clients.feedback.model.FeedbackTarget;
import com.healthcontent.clients.feedback.model.Received;
import com.healthcontent.provenance.VerifyPage;
import com.healthcontent.search.Relevance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole platform as {@code ./run.sh} starts it (the same launcher, on ports shifted by 4000 so a developer's
 * stack can keep running; the stack every end-to-end suite shares, {@link SharedStack}): a token through the real
 * login flow, requests through the gateway to the services and MongoDB, events from one service to another's read
 * model. Stopping processes, and the launcher's own stop, are RobustnessIT's, after every other suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
@ExtendWith(SharedStack.class)
class LocalStackIT {

    static StackUnderTest stack;
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = StackUnderTest.json;

    @BeforeAll
    static void onTheSharedStack(StackUnderTest shared) {
        stack = shared;
    }

    @Test
    @Order(1)
    void everyProcessIsReadyAndTheGatewaySaysSo() throws Exception {
        // Kafka, MongoDB, auth-server, the three services, the gateway, the console, the reader site
        assertThat(stack.launcher().descendants().filter(ProcessHandle::isAlive))
                .hasSizeGreaterThanOrEqualTo(9);
        assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
        // metrics are for Prometheus on each process's management port, never on the public one
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(404);
        for (int publicPort : List.of(8080, 8081, 8082, 8083, 8084, 8085, 9000)) {
            assertThat(stack.get(stack.direct(publicPort + 10_000) + "/actuator/prometheus", null)
                            .statusCode())
                    .as("metrics of the process on %d", publicPort + stack.offset)
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void theDemoContentIsListedThroughTheGateway() throws Exception {
        // The first anonymous read of a cold stack. Twice on CI (two cores, twelve JVMs) it got no answer within the
        // client's 30 s and nothing in the gateway's or article-service's log; never here. Sent again until it is
        // answered (at most 2 minutes), and how long it took is printed, so a slow first read shows in the output
        // instead of failing the run on a machine that is only busy.
        Instant firstRead = Instant.now();
        JsonNode articles = await().atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> body(get("/api/v1/articles?size=100", null)), java.util.Objects::nonNull);
        System.out.printf(
                "first anonymous read through the gateway answered after %d ms%n",
                Duration.between(firstRead, Instant.now()).toMillis());
        assertThat(articles.get("items").findValuesAsString("slug")).contains("is-it-good-or-bad-to-crack-your-back");
        assertThat(articles.get("page").get("totalElements").asInt()).isGreaterThanOrEqualTo(25);
        JsonNode exercises = body(get("/api/v1/exercises?size=100", null));
        assertThat(exercises.get("page").get("totalElements").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(exercises.get("items").findValuesAsString("slug"))
                .contains(
                        "knees-to-chest",
                        "kneeling-back-stretch",
                        "standing-bends",
                        "seated-spinal-rotation",
                        "lying-twist");
        JsonNode routine = body(get("/api/v1/routines/easing-a-stiff-back", null));
        assertThat(routine.get("exercises").size()).isEqualTo(5);
        // its doses were reviewed like an exercise's before it went live
        assertThat(routine.get("reviewedBy").findValuesAsString("reviewer")).containsExactly("dr.rao");
        // the page says which approved revision it is, and the archive through the gateway has it with that digest
        JsonNode article = body(get("/api/v1/articles/is-it-good-or-bad-to-crack-your-back", null));
        assertThat(article.get("revision").asInt()).isEqualTo(1);
        JsonNode revisions =
                body(get("/api/v1/articles/" + article.get("id").asString() + "/revisions", token("dr.rao")));
        assertThat(revisions.get(0).get("digest").asString())
                .isEqualTo(article.get("contentDigest").asString());
        assertThat(revisions.get(0).get("approvals").findValuesAsString("reviewer"))
                .containsExactly("dr.rao");
        // staff sign-ins are audited, and only administrators read the trail, through the gateway
        HttpResponse<String> trail =
                get("/api/v1/staff/audit?subject=dr.rao&type=SIGN_IN_SUCCEEDED", token("ops.admin"));
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        assertThat(body(trail).get("items").findValuesAsString("subject"))
                .isNotEmpty()
                .containsOnly("dr.rao");
        assertThat(get("/api/v1/staff/audit", token("dr.rao")).statusCode()).isEqualTo(403);
        // and anyone can verify each demo page end to end with the documented command (scripts/verify-page)
        for (String page : List.of(
                "/api/v1/articles/is-it-good-or-bad-to-crack-your-back",
                "/api/v1/exercises/knees-to-chest",
                "/api/v1/routines/easing-a-stiff-back")) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            boolean verified = new VerifyPage(HttpClient.newHttpClient(), new PrintStream(printed, true, UTF_8))
                    .verify(URI.create(stack.gateway() + page), stack.gateway() + "/api/v1/approval-keys");
            assertThat(verified).as(printed.toString(UTF_8)).isTrue();
            assertThat(printed.toString(UTF_8)).contains("approved by Dr. Priya Rao");
        }
        // article.events reached exercise-service's read model
        JsonNode exercise = body(get("/api/v1/exercises/knees-to-chest", null));
        assertThat(exercise.get("featuredIn").findValuesAsString("slug"))
                .contains("is-it-good-or-bad-to-crack-your-back");
    }

    @Test
    @Order(3)
    void anExercisePublishedThroughTheGatewayReachesArticleServiceByItsEvent() throws Exception {
        String editor = token("eli.editor");
        String name = "Wall slide " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = send("POST", "/api/v1/exercises", editor, """
                {"name": "%s", "summary": "Slide down a wall to open the chest.", "bodyRegions": ["UPPER_BACK"],
                 "position": "STANDING", "steps": ["Stand with your back to a wall.", "Slide your arms up."],
                 "dose": {"holdSeconds": 10, "repetitions": {"min": 5, "max": 8}}}""".formatted(name));
        assertThat(created.statusCode()).isEqualTo(201);
        String exerciseId = body(created).get("id").asString();
        assertThat(send(
                                "POST",
                                "/api/v1/exercises/" + exerciseId + "/submission",
                                editor,
                                "{\"reviewers\": [\"dr.kim\"]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "POST",
                                "/api/v1/exercises/" + exerciseId + "/reviews",
                                token("dr.kim"),
                                "{\"outcome\": \"APPROVED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/exercises/" + exerciseId + "/publication", editor, null)
                        .statusCode())
                .isEqualTo(200);

        String article = send("POST", "/api/v1/articles", editor, """
                {"title": "Wall slides for a stiff upper back %s", "summary": "One exercise.", "tags": ["back pain"],
                 "sections": [{"type": "TEXT", "body": "Stiffness eases with movement [1]."},
                              {"type": "EXERCISE", "exerciseId": "%s"}],
                 "references": [{"number": 1, "title": "A paper", "url": "https://example.org/paper"}]}
                """.formatted(exerciseId.substring(0, 6), exerciseId))
                .body();
        String articleId = json.readTree(article).get("id").asString();
        // Submission validates the exercise block against article-service's own read model of exercise.events.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> send(
                                        "POST",
                                        "/api/v1/articles/" + articleId + "/submission",
                                        editor,
                                        "{\"reviewers\": [\"dr.kim\"]}")
                                .statusCode()
                        == 200);
    }

    /**
     * The medical-review loop as a new user meets it, through the gateway only: a wrong reviewer is a clear 422,
     * a submission can be withdrawn and reassigned, it shows in the reviewer's queue and reaches their live stream
     * and inbox as an alert, and a revised exercise dose reaches readers only after approval and publication.
     */
    @Test
    @Order(3)
    void theReviewLoopThroughTheGateway() throws Exception {
        String author = token("ana.author");
        String editor = token("eli.editor");
        String rao = token("dr.rao");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String articleId = body(send("POST", "/api/v1/articles", author, """
                {"title": "Stretching & breathing %s", "summary": "Hold < 5 minutes.", "tags": ["back pain"],
                 "sections": [{"type": "TEXT", "body": "Breathe out as you stretch [1]."}],
                 "references": [{"number": 1, "title": "A paper", "url": "https://example.org/paper"}]}
                """.formatted(suffix)))
                .get("id")
                .asString();
        HttpResponse<String> wrongName = send(
                "POST", "/api/v1/articles/" + articleId + "/submission", author, "{\"reviewers\": [\"eli.editor\"]}");
        assertThat(wrongName.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrongName.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("reviewers[0]");

        String submitToKim = "{\"reviewers\": [\"dr.kim\"]}";
        assertThat(send("POST", "/api/v1/articles/" + articleId + "/submission", author, submitToKim)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/articles/" + articleId + "/withdrawal", author, "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/articles/" + articleId + "/submission", author, submitToKim)
                        .statusCode())
                .isEqualTo(200);

        List<String> stream = new CopyOnWriteArrayList<>();
        var live = http.sendAsync(
                HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/me/alerts/stream"))
                        .header("Authorization", "Bearer " + rao)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(
                        chunk -> chunk.ifPresent(bytes -> stream.add(new String(bytes, StandardCharsets.UTF_8)))));
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> String.join("", stream).contains("connected"));
            long reassignedAt = System.nanoTime();
            assertThat(send(
                                    "PUT",
                                    "/api/v1/articles/" + articleId + "/reviewers",
                                    token("eli.editor"),
                                    "{\"reviewers\": [\"dr.rao\"]}")
                            .statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> String.join("", stream).contains(articleId));
            System.out.printf(
                    "review-requested alert on dr.rao's live stream %d ms after the reassignment%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reassignedAt));
            assertThat(String.join("", stream)).contains("REVIEW_REQUESTED");
        } finally {
            live.cancel(true);
        }
        assertThat(body(get("/api/v1/me/reviews", rao)).get("items").findValuesAsString("id"))
                .contains(articleId);
        assertThat(body(get("/api/v1/me/alerts", rao)).get("items").findValues("target").stream()
                        .map(target -> target.get("id").asString()))
                .contains(articleId);

        // A revised dose of a live exercise: readers keep the approved one until the revision is published.
        JsonNode exercise = body(get("/api/v1/exercises/knees-to-chest", null));
        int approvedHold = exercise.get("dose").get("holdSeconds").asInt();
        String exerciseId = exercise.get("id").asString();
        HttpResponse<String> draft = get("/api/v1/exercises/drafts/" + exerciseId, editor);
        ObjectNode revision = (ObjectNode) body(draft);
        ((ObjectNode) revision.get("dose")).put("holdSeconds", approvedHold + 15);
        HttpResponse<String> edited = stack.send(
                "PUT",
                URI.create(stack.gateway() + "/api/v1/exercises/" + exerciseId),
                editor,
                revision.toString().getBytes(StandardCharsets.UTF_8),
                "application/json",
                Map.of("If-Match", draft.headers().firstValue("ETag").orElseThrow()));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(send(
                                "POST",
                                "/api/v1/exercises/" + exerciseId + "/submission",
                                editor,
                                "{\"reviewers\": [\"dr.rao\"]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(holdSeconds("knees-to-chest?reader=1" + suffix)).isEqualTo(approvedHold);
        assertThat(send("POST", "/api/v1/exercises/" + exerciseId + "/reviews", rao, "{\"outcome\": \"APPROVED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(holdSeconds("knees-to-chest?reader=2" + suffix)).isEqualTo(approvedHold);
        assertThat(send("POST", "/api/v1/exercises/" + exerciseId + "/publication", editor, null)
                        .statusCode())
                .isEqualTo(200);
        // the gateway's edge cache may still hold the old page for its few seconds
        await().atMost(Duration.ofSeconds(30)).until(() -> holdSeconds("knees-to-chest") == approvedHold + 15);
    }

    private static int holdSeconds(String exercisePath) throws IOException, InterruptedException {
        return body(get("/api/v1/exercises/" + exercisePath, null))
                .get("dose")
                .get("holdSeconds")
                .asInt();
    }

    @Test
    @Order(4)
    void badRequestsGetProblemDetailsAtTheGateway() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/nowhere", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> anonymousWrite = send("POST", "/api/v1/articles", null, "{}");
        assertThat(anonymousWrite.statusCode()).isEqualTo(401);
        HttpResponse<String> malformed = send("POST", "/api/v1/exercises", token("ana.author"), "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /**
     * Readers search in their own words through the gateway: the judged query set (lay and misspelt queries, each
     * with the items that should come first) scores at least 0.8 in mean reciprocal rank over both services'
     * indexes merged; facets, corrections, suggestions and the list's {@code q} come from the same index; bad input
     * is a 400 naming the parameter, never a parser error.
     */
    @Test
    @Order(4)
    void readersSearchInTheirOwnWordsThroughTheGateway() throws Exception {
        List<Relevance.JudgedQuery> judged = new ArrayList<>();
        try (var file = LocalStackIT.class.getResourceAsStream("/demo/search/judged-queries.json")) {
            StackUnderTest.json
                    .readTree(file)
                    .forEach(query -> judged.add(new Relevance.JudgedQuery(
                            query.get("query").asString(),
                            query.get("expect")
                                    .valueStream()
                                    .map(JsonNode::asString)
                                    .toList())));
        }
        Relevance.Report report = Relevance.of(judged, words -> {
            try {
                HttpResponse<String> found = get("/api/v1/search?size=10&q=" + encode(words), null);
                assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                return body(found)
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("type").asString() + ":"
                                + item.get("slug").asString())
                        .toList();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println("Search through the gateway: " + report);
        assertThat(report.meanReciprocalRank()).as(report.toString()).isGreaterThanOrEqualTo(0.8);

        HttpResponse<String> misspelt = get("/api/v1/search?q=sciatca", null);
        assertThat(misspelt.headers().firstValue("Cache-Control")).hasValue("max-age=30, public");
        JsonNode corrected = body(misspelt);
        assertThat(corrected.get("correctedQuery").asString()).isEqualTo("sciatica");
        assertThat(corrected.get("items").get(0).get("slug").asString()).isEqualTo("sciatica-leg-pain-from-the-back");
        assertThat(corrected.get("items").get(0).get("highlights").get(0).asString())
                .contains("<mark>");
        JsonNode facets = body(get("/api/v1/search?q=stretch", null)).get("facets");
        assertThat(facets.get("type").findValuesAsString("value")).contains("article", "exercise");
        JsonNode lowerBack = body(get("/api/v1/search?q=stretch&type=exercise&bodyRegion=LOWER_BACK&size=50", null));
        assertThat(lowerBack.get("items").findValuesAsString("type"))
                .isNotEmpty()
                .containsOnly("exercise");
        assertThat(lowerBack.get("total").asInt())
                .isEqualTo(lowerBack.get("items").size());
        assertThat(body(get("/api/v1/search/suggest?q=slipp", null)).findValuesAsString("slug"))
                .contains("slipped-disc-herniated-disc");
        assertThat(body(get("/api/v1/articles?q=" + encode("slipped disc"), null))
                        .get("items")
                        .findValuesAsString("slug"))
                .contains("slipped-disc-herniated-disc");

        for (String bad :
                List.of("q=", "q=" + "x".repeat(500), "q=back&type=video", "q=back&colour=red", "q=back&size=51")) {
            HttpResponse<String> refused = get("/api/v1/search?" + bad, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(StackUnderTest.json
                            .readTree(refused.body())
                            .get("errors")
                            .findValuesAsString("field"))
                    .as(bad)
                    .containsAnyOf("q", "type", "colour", "size");
        }
        assertThat(get("/api/v1/search?q=" + encode("\"slipped* disc~ (AND"), null)
                        .statusCode())
                .isEqualTo(200);
    }

    private static String encode(String words) {
        return java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A client generated from the published documents (docs/openapi, openapi-generator at build time), strict about
     * fields it does not know, reads and writes through the gateway as a client developer's code would.
     */
    @Test
    @Order(4)
    void aClientGeneratedFromThePublishedDocumentsReadsAndWrites() throws Exception {
        var articles = new com.healthcontent.clients.articles.ApiClient();
        articles.updateBaseUri(stack.gateway());
        articles.setObjectMapper(strict(articles.getObjectMapper()));
        PublicArticle demo = new ArticlesApi(articles).bySlug("is-it-good-or-bad-to-crack-your-back");
        assertThat(demo.getTitle()).isEqualTo("Is It Good or Bad to Crack Your Back?");
        assertThat(demo.getMedicalReview().getReviewers()).isNotEmpty();

        String editor = token("eli.editor");
        articles.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + editor));
        Draft draft = new ArticlesApi(articles)
                .create(new ArticleRequest()
                        .title("Generated client " + UUID.randomUUID())
                        .summary("Written through the generated client.")
                        .addSectionsItem(new Section()
                                .type(Section.TypeEnum.TEXT)
                                .heading("Why")
                                .body("It compiles.")));
        assertThat(draft.getStatus()).isEqualTo(Draft.StatusEnum.DRAFT);
        assertThat(new ArticlesApi(articles).draft(draft.getId()).getVersion()).isEqualTo(draft.getVersion());

        var feedback = new com.healthcontent.clients.feedback.ApiClient();
        feedback.updateBaseUri(stack.gateway());
        feedback.setObjectMapper(strict(feedback.getObjectMapper()));
        Received received = new ReaderFeedbackApi(feedback)
                .submit(new FeedbackRequest()
                        .helpful(true)
                        .target(new FeedbackTarget()
                                .type(FeedbackTarget.TypeEnum.ARTICLE)
                                .id(demo.getId())));
        assertThat(received.getId()).isNotBlank();
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Test
    @Order(5)
    void aProblemReportAtTheGatewayReachesTheReviewersLiveStream() throws Exception {
        String reviewer = token("dr.rao");
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        var stream = http.sendAsync(
                HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/me/alerts/stream"))
                        .header("Authorization", "Bearer " + reviewer)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(
                        chunk -> chunk.ifPresent(bytes -> received.add(new String(bytes, StandardCharsets.UTF_8)))));
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> String.join("", received).contains("connected"));
            HttpResponse<String> report = stack.feedback("live-stream-reader-" + UUID.randomUUID(), """
                    {"target": {"type": "ARTICLE", "id": "is-it-good-or-bad-to-crack-your-back"}, "helpful": false,
                     "reason": "INACCURATE", "comment": "The kneeling stretch hold time differs from my physio's advice"}""");
            assertThat(report.statusCode()).as(report.body()).isEqualTo(202);
            String reportId = json.readTree(report.body()).get("id").asString();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> String.join("", received).contains(reportId));
        } finally {
            stream.cancel(true);
        }
    }

    private static String token(String username) throws IOException, InterruptedException {
        return stack.token(username);
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return stack.get(path, token);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return stack.send(method, path, token, body);
    }

    private static JsonNode body(HttpResponse<String> response) {
        return StackUnderTest.body(response);
    }
}
