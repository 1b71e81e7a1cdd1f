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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo content through the public API of the gateway, as the demo staff signed in through the real
 * login flow: the author writes the exercises, routines and articles, a medical reviewer (dr.rao for the back,
 * dr.kim for neck, shoulders and other joints) approves each, the editor publishes. Nothing is written into a
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

    /**
     * Returns what was created, by kind. {@code demo/index.json} names the files and who reviews each; exercises go
     * first (routines and articles embed them), then routines and articles, a few at a time.
     */
    Map<String, Integer> load() throws IOException, InterruptedException {
        JsonNode index = resource("index.json");
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (String username : List.of("ana.author", "eli.editor", "dr.rao", "dr.kim")) {
            tokens.put(username, login.accessToken(username));
        }
        Map<String, Integer> created = new ConcurrentHashMap<>(Map.of("exercises", 0, "routines", 0, "articles", 0));
        Map<String, String> exerciseIds = new ConcurrentHashMap<>();

        List<Callable<Void>> exercises = new ArrayList<>();
        for (JsonNode file : index.get("exercises")) {
            for (JsonNode exercise : resource(file.get("file").asString())) {
                exercises.add(() -> {
                    String slug = exercise.get("slug").asString();
                    Published published = ensurePublished(
                            "exercises",
                            slug,
                            exercise.toString(),
                            tokens,
                            file.get("reviewer").asString());
                    exerciseIds.put(slug, published.id());
                    if (published.created()) {
                        created.merge("exercises", 1, Integer::sum);
                    }
                    return null;
                });
            }
        }
        inParallel(exercises);

        List<Callable<Void>> routinesAndArticles = new ArrayList<>();
        for (JsonNode file : index.get("routines")) {
            routinesAndArticles.add(() -> {
                ObjectNode routine = (ObjectNode) resource(file.get("file").asString());
                for (JsonNode item : routine.get("items")) {
                    ((ObjectNode) item)
                            .put(
                                    "exerciseId",
                                    exerciseIds.get(item.get("exercise").asString()));
                    ((ObjectNode) item).remove("exercise");
                }
                if (ensurePublished(
                                "routines",
                                routine.get("slug").asString(),
                                routine.toString(),
                                tokens,
                                file.get("reviewer").asString())
                        .created()) {
                    created.merge("routines", 1, Integer::sum);
                }
                return null;
            });
        }
        for (JsonNode file : index.get("articles")) {
            routinesAndArticles.add(() -> {
                String article = new String(resourceBytes(file.get("file").asString()), StandardCharsets.UTF_8);
                for (Map.Entry<String, String> exercise : exerciseIds.entrySet()) {
                    article = article.replace("{{exercise:" + exercise.getKey() + "}}", exercise.getValue());
                }
                if (ensurePublished(
                                "articles",
                                json.readTree(article).get("slug").asString(),
                                article,
                                tokens,
                                file.get("reviewer").asString())
                        .created()) {
                    created.merge("articles", 1, Integer::sum);
                }
                return null;
            });
        }
        inParallel(routinesAndArticles);
        Map<String, Integer> inOrder = new LinkedHashMap<>(); // as they were loaded, the same every time
        for (String kind : List.of("exercises", "routines", "articles")) {
            inOrder.put(kind, created.get(kind));
        }
        return inOrder;
    }

    private record Published(String id, boolean created) {}

    /**
     * The item as readers get it: left alone when it is already published (a restart with kept data), otherwise
     * written by the author, submitted to {@code reviewer}, approved by them and published by the editor.
     */
    private Published ensurePublished(
            String collection, String slug, String body, Map<String, String> tokens, String reviewer)
            throws IOException, InterruptedException {
        String path = "/api/v1/" + collection;
        HttpResponse<String> existing = call("GET", path + "/" + slug, null, null);
        if (existing.statusCode() == 200) {
            return new Published(json.readTree(existing.body()).get("id").asString(), false);
        }
        String author = tokens.get("ana.author");
        String id = json.readTree(expect(call("POST", path, author, body), 201).body())
                .get("id")
                .asString();
        submitOnceKnown(path + "/" + id + "/submission", author, reviewer);
        expect(
                call(
                        "POST",
                        path + "/" + id + "/reviews",
                        tokens.get(reviewer),
                        "{\"outcome\": \"APPROVED\", \"notes\": \"Checked against the cited sources; doses and precautions are right.\"}"),
                200);
        expect(call("POST", path + "/" + id + "/publication", tokens.get("eli.editor"), null), 200);
        return new Published(id, true);
    }

    /** Four at a time: the platform keeps up, and a fresh start does not wait on one request after another. */
    private static void inParallel(List<Callable<Void>> steps) throws IOException, InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> step : workers.invokeAll(steps)) {
                try {
                    step.get();
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (failed.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(failed.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * article-service learns about exercises from exercise.events and about staff from the directory it copies;
     * right after the start the submission can still find them unknown (422; a 503 while it has no copy of the
     * directory yet, which every call waits out). That is the eventual consistency between services, so wait for
     * it, bounded.
     */
    private void submitOnceKnown(String submission, String author, String reviewer)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> response = call("POST", submission, author, "{\"reviewers\": [\"" + reviewer + "\"]}");
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
