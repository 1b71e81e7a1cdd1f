package com.healthcontent.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo content through the public API of the gateway, as the demo staff signed in through the real
 * login flow: the author writes exercises and the article, the medical reviewer approves each, the editor publishes. Nothing is written into a
 * database behind a service's back. Content that already exists (a restart with kept data) is left alone.
 */
final class DemoContent {

    private static final Duration PATIENCE = Duration.ofMinutes(1);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(4);

    private final String gateway;
    private final StaffLogin login;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    DemoContent(String gateway, StaffLogin login) {
        this.gateway = gateway;
        this.login = login;
    }

    /**
     * Loads the demo content into a platform that runs elsewhere (docker-compose's one-shot job): the gateway at
     * {@code GATEWAY_URL}, the authorization server at {@code AUTH_URL}, the staff password {@code DEMO_PASSWORD}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Map<String, Integer> created = new DemoContent(
                        env.getOrDefault("GATEWAY_URL", "http://localhost:8080"),
                        new StaffLogin(
                                env.getOrDefault("AUTH_URL", "http://localhost:9000"),
                                env.getOrDefault("DEMO_PASSWORD", "healthy-demo")))
                .load();
        System.out.println("Demo content: created " + created);
    }

    /** Returns what was created, by kind. */
    Map<String, Integer> load() throws IOException, InterruptedException {
        String author = login.accessToken("ana.author");
        String editor = login.accessToken("eli.editor");
        String reviewer = login.accessToken("dr.rao");
        Map<String, Integer> created = new LinkedHashMap<>(Map.of("exercises", 0, "routines", 0, "articles", 0));

        Map<String, String> exerciseIds = new LinkedHashMap<>();
        for (JsonNode exercise : (ArrayNode) resource("exercises.json")) {
            String slug = exercise.get("slug").asString();
            HttpResponse<String> existing = call("GET", "/api/v1/exercises/" + slug, null, null);
            if (existing.statusCode() == 200) {
                exerciseIds.put(slug, json.readTree(existing.body()).get("id").asString());
                continue;
            }
            String id = json.readTree(expect(call("POST", "/api/v1/exercises", author, exercise.toString()), 201)
                            .body())
                    .get("id")
                    .asString();
            submitOnceKnown("/api/v1/exercises/" + id + "/submission", author);
            expect(
                    call(
                            "POST",
                            "/api/v1/exercises/" + id + "/reviews",
                            reviewer,
                            "{\"outcome\": \"APPROVED\", \"notes\": \"Dose and precautions checked.\"}"),
                    200);
            expect(call("POST", "/api/v1/exercises/" + id + "/publication", editor, null), 200);
            exerciseIds.put(slug, id);
            created.merge("exercises", 1, Integer::sum);
        }

        ObjectNode routine = (ObjectNode) resource("routine.json");
        if (call("GET", "/api/v1/routines/" + routine.get("slug").asString(), null, null)
                        .statusCode()
                != 200) {
            for (JsonNode item : routine.get("items")) {
                ((ObjectNode) item)
                        .put("exerciseId", exerciseIds.get(item.get("exercise").asString()));
                ((ObjectNode) item).remove("exercise");
            }
            String id = json.readTree(expect(call("POST", "/api/v1/routines", author, routine.toString()), 201)
                            .body())
                    .get("id")
                    .asString();
            submitOnceKnown("/api/v1/routines/" + id + "/submission", author);
            expect(
                    call(
                            "POST",
                            "/api/v1/routines/" + id + "/reviews",
                            reviewer,
                            "{\"outcome\": \"APPROVED\", \"notes\": \"Doses checked for a stiff back.\"}"),
                    200);
            expect(call("POST", "/api/v1/routines/" + id + "/publication", editor, null), 200);
            created.merge("routines", 1, Integer::sum);
        }

        String article = new String(resourceBytes("article.json"), StandardCharsets.UTF_8);
        String slug = json.readTree(article).get("slug").asString();
        if (call("GET", "/api/v1/articles/" + slug, null, null).statusCode() != 200) {
            for (Map.Entry<String, String> exercise : exerciseIds.entrySet()) {
                article = article.replace("{{exercise:" + exercise.getKey() + "}}", exercise.getValue());
            }
            String id = json.readTree(expect(call("POST", "/api/v1/articles", author, article), 201)
                            .body())
                    .get("id")
                    .asString();
            submitOnceKnown("/api/v1/articles/" + id + "/submission", author);
            expect(
                    call(
                            "POST",
                            "/api/v1/articles/" + id + "/reviews",
                            reviewer,
                            "{\"outcome\": \"APPROVED\", \"notes\": \"Checked against the cited papers.\"}"),
                    200);
            expect(call("POST", "/api/v1/articles/" + id + "/publication", editor, null), 200);
            created.merge("articles", 1, Integer::sum);
        }
        return created;
    }

    /**
     * article-service learns about exercises from exercise.events and about staff from the directory it copies;
     * right after the start the submission can still find them unknown (422; a 503 while it has no copy of the
     * directory yet, which every call waits out). That is the eventual consistency between services, so wait for
     * it, bounded.
     */
    private void submitOnceKnown(String submission, String author) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> response = call("POST", submission, author, "{\"reviewers\": [\"dr.rao\"]}");
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 422 || Instant.now().isAfter(deadline)) {
                expect(response, 200);
            }
            Thread.sleep(250);
        }
    }

    private HttpResponse<String> call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return sendPatiently(http, request(method, path, token, body), PATIENCE);
    }

    /**
     * The request, sent again while the platform answers 503 (a service still starting, none of its instances ready
     * yet, an open breaker: the request was not carried out), backing off from a quarter of a second to 4 s or as
     * its Retry-After says, for up to {@code patience}; then the last answer. Right after a start that window is
     * short but real, and meeting it stopped the whole stack.
     */
    static HttpResponse<String> sendPatiently(HttpClient http, HttpRequest request, Duration patience)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Duration backoff = Duration.ofMillis(250);
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Duration wait = response.headers()
                    .firstValue("Retry-After")
                    .filter(value -> value.matches("\\d{1,3}"))
                    .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                    .orElse(backoff);
            if (response.statusCode() != 503 || Instant.now().plus(wait).isAfter(deadline)) {
                return response;
            }
            Thread.sleep(wait.toMillis()); // the platform asked for time: there is nothing to wait on but the clock
            backoff =
                    backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private HttpRequest request(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private JsonNode resource(String name) throws IOException {
        return json.readTree(resourceBytes(name));
    }

    private static byte[] resourceBytes(String name) throws IOException {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IOException("missing demo resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
