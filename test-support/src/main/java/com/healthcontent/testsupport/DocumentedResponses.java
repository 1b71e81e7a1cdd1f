package com.healthcontent.testsupport;

import com.healthcontent.testsupport.ObservedResponses.Observed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document held against what its endpoints answer. {@link #walkErrorShapes} sends every
 * documented operation the requests a client gets wrong (no token, a forged one, a body that is not JSON, too
 * large or malformed, an unknown identifier) and asserts each answer is a problem document with the documented
 * status; {@link #mismatches} compares every operation's documented statuses with those the whole test suite saw
 * ({@link ObservedResponses}), both ways.
 */
public final class DocumentedResponses {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Operation(
            String method,
            String template,
            Pattern pattern,
            int variables,
            Set<String> statuses,
            boolean hasBody,
            List<String> numberParameters) {

        boolean documents(int status) {
            return statuses.contains(Integer.toString(status));
        }

        String concretePath() {
            return VARIABLE.matcher(template)
                    .replaceAll(m -> "no-such-" + m.group().replaceAll("[{}]", ""));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private DocumentedResponses() {}

    public static JsonNode document(int port, String path) {
        return json.readTree(
                send("GET", "http://localhost:" + port + path, null, null, null).body());
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    if (!METHODS.contains(entry.getKey())) {
                        return;
                    }
                    Set<String> statuses = new TreeSet<>();
                    entry.getValue().get("responses").propertyNames().forEach(statuses::add);
                    statuses.remove("default");
                    String template = path.getKey();
                    List<String> numberParameters = new ArrayList<>();
                    entry.getValue().path("parameters").forEach(parameter -> {
                        String type = parameter.path("schema").path("type").asString("");
                        if (parameter.path("in").asString("").equals("query")
                                && (type.equals("integer") || type.equals("number"))) {
                            numberParameters.add(parameter.get("name").asString());
                        }
                    });
                    String regex = "\\Q" + VARIABLE.matcher(template).replaceAll("\\\\E[^/]+\\\\Q") + "\\E";
                    operations.add(new Operation(
                            entry.getKey().toUpperCase(Locale.ROOT),
                            template,
                            Pattern.compile(regex),
                            (int) VARIABLE.matcher(template).results().count(),
                            statuses,
                            entry.getValue().has("requestBody"),
                            numberParameters));
                }));
        return operations;
    }

    /**
     * The requests every client gets wrong some day, sent to each operation that documents the status they must
     * get; the answers must be problems a client can act on. {@code token} is valid with every role; {@code
     * validBodies} ("POST /api/v1/things/{id}/step" to a body the step accepts) lets a write with a body reach its
     * 404 for an unknown identifier, and must name every such write.
     */
    public static void walkErrorShapes(int port, JsonNode document, String token, Map<String, String> validBodies) {
        List<String> wrong = new ArrayList<>();
        String base = "http://localhost:" + port;
        for (Operation operation : operations(document)) {
            String uri = base + operation.concretePath();
            String body = operation.hasBody() ? "{}" : null;
            if (operation.documents(401)) {
                check(
                        wrong,
                        operation,
                        "without a token",
                        401,
                        send(operation.method(), uri, null, body, "application/json"));
                check(
                        wrong,
                        operation,
                        "with a token signed by an unknown key",
                        401,
                        send(
                                operation.method(),
                                uri,
                                TestTokens.signedWithUnknownKey("dr.rao", "MEDICAL_REVIEWER"),
                                body,
                                "application/json"));
            }
            if (operation.documents(415)) {
                check(
                        wrong,
                        operation,
                        "with a text/plain body",
                        415,
                        send(operation.method(), uri, token, "helpful", "text/plain"));
            }
            if (operation.documents(413)) {
                check(
                        wrong,
                        operation,
                        "with a 300 KB body",
                        413,
                        send(
                                operation.method(),
                                uri,
                                token,
                                "{\"comment\": \"" + "a".repeat(300 * 1024) + "\"}",
                                "application/json"));
            }
            if (operation.documents(400) && operation.hasBody()) {
                check(
                        wrong,
                        operation,
                        "with malformed JSON",
                        400,
                        send(operation.method(), uri, token, "{\"title\": ", "application/json"));
            }
            if (operation.documents(404) && operation.variables() > 0) {
                String valid = validBodies.get(operation.toString());
                if (operation.hasBody() && valid == null) {
                    wrong.add(operation + " documents 404: give the walk a valid body for it");
                } else {
                    // an update is sent as one that read a version first
                    check(
                            wrong,
                            operation,
                            "for an unknown identifier",
                            404,
                            send(
                                    operation.method(),
                                    uri,
                                    token,
                                    valid,
                                    valid == null ? null : "application/json",
                                    operation.documents(428) ? Map.of("If-Match", "\"1\"") : Map.of()));
                }
            }
            if (operation.documents(400) && operation.method().equals("GET")) {
                for (String parameter : operation.numberParameters()) {
                    check(
                            wrong,
                            operation,
                            "with " + parameter + "=many",
                            400,
                            send("GET", uri + "?" + parameter + "=many", token, null, null));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(
                    "Error answers that do not match the document or are no help:\n  " + String.join("\n  ", wrong));
        }
    }

    private static void check(
            List<String> wrong, Operation operation, String how, int expected, HttpResponse<String> response) {
        String said = operation + " " + how + ": ";
        if (response.statusCode() != expected) {
            wrong.add(said + response.statusCode() + " instead of " + expected + " " + response.body());
            return;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(said + "not a problem document: " + response.headers().firstValue("Content-Type"));
            return;
        }
        JsonNode problem = json.readTree(response.body());
        String detail = problem.path("detail").asString("");
        if (problem.path("status").asInt() != expected
                || problem.path("title").asString("").isBlank()
                || detail.isBlank()) {
            wrong.add(said + "a problem without its status, title or detail: " + response.body());
        } else if (repeatsItself(detail)) {
            wrong.add(said + "a detail that repeats itself: " + detail);
        }
    }

    /** "A valid bearer token is required: A bearer token is required" says one thing twice. */
    static boolean repeatsItself(String detail) {
        String[] parts = detail.toLowerCase(Locale.ROOT).split(":\\s+", 2);
        if (parts.length < 2) {
            return false;
        }
        String first = parts[0].replaceAll("[^a-z ]", "").replace("valid ", "").strip();
        String second = parts[1].replaceAll("[^a-z ]", "").replace("valid ", "").strip();
        return first.equals(second) || second.startsWith(first) || first.startsWith(second);
    }

    /**
     * Each documented status no request of the suite got, and each status the suite got that the operation does not
     * document (server errors are the document's {@code default}); empty when document and service agree.
     */
    public static List<String> mismatches(JsonNode document) {
        List<Operation> operations = operations(document);
        Map<Operation, Set<String>> seen = new java.util.HashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Observed observed : ObservedResponses.all()) {
            Optional<Operation> operation = operations.stream()
                    .filter(o -> o.method().equals(observed.method())
                            && o.pattern().matcher(observed.path()).matches())
                    .min(Comparator.comparingInt(Operation::variables));
            if (operation.isEmpty()) {
                if (observed.status() != 404 && observed.status() != 405) {
                    mismatches.add(observed.method() + " " + observed.path() + " answered " + observed.status()
                            + " but is not in the document");
                }
                continue;
            }
            seen.computeIfAbsent(operation.get(), o -> new TreeSet<>()).add(Integer.toString(observed.status()));
            if (observed.status() < 500 && !operation.get().documents(observed.status())) {
                mismatches.add(operation.get() + " answered " + observed.status() + " but does not document it");
            }
        }
        for (Operation operation : operations) {
            Set<String> unseen = new TreeSet<>(operation.statuses());
            unseen.removeAll(seen.getOrDefault(operation, Set.of()));
            if (!unseen.isEmpty()) {
                mismatches.add(operation + " documents " + unseen + " but no test got it");
            }
        }
        return mismatches.stream().distinct().sorted().toList();
    }

    private static HttpResponse<String> send(String method, String uri, String token, String body, String contentType) {
        return send(method, uri, token, body, contentType, Map.of());
    }

    private static HttpResponse<String> send(
            String method, String uri, String token, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
