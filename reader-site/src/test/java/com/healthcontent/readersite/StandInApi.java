package com.healthcontent.readersite;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The public API as the site's tests meet it: a real HTTP server on a free port answering what a test tells it to,
 * by default the answers the platform gave for the demo content (recorded into {@code src/test/resources/api/}),
 * and recording what the site sent.
 */
public final class StandInApi implements AutoCloseable {

    public record Answer(int status, String contentType, String body) {}

    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public StandInApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(
                    new Received(exchange.getRequestMethod(), target, Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = answers.getOrDefault(
                    exchange.getRequestMethod() + " " + target,
                    new Answer(404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}"));
            List<String> accepted = exchange.getRequestHeaders().get("Accept");
            String accept = accepted == null ? null : String.join(",", accepted);
            if (answer.status() < 400
                    && accept != null
                    && !accept.contains("*/*")
                    && !accept.contains(answer.contentType())) {
                // as Spring MVC answers a client that does not accept what it serves
                answer = new Answer(406, "application/problem+json", "{\"status\":406}");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (answer.status() == 503) {
                exchange.getResponseHeaders().set("Retry-After", "7");
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code request} is the method and the raw path with its query: {@code GET /api/v1/articles?size=6}. */
    public StandInApi answer(String request, int status, String body) {
        answers.put(request, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body));
        return this;
    }

    /** Answers with a recorded answer of the platform, {@code src/test/resources/api/<file>}. */
    public StandInApi answerRecorded(String request, String file) {
        // typed as the platform types it: structured data is JSON-LD
        answers.put(
                request,
                new Answer(
                        200,
                        file.startsWith("structured-data") ? "application/ld+json" : "application/json",
                        recorded(file)));
        return this;
    }

    public static String recorded(String file) {
        try (InputStream in = StandInApi.class.getResourceAsStream("/api/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Received> received() {
        return received;
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
