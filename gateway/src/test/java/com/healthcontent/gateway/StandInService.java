package com.healthcontent.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A stand-in for the services behind the gateway, on loopback, answering JSON as the test decides. */
public final class StandInService {

    public record Answer(int status, String json, Map<String, String> headers) {

        public Answer(int status, String json) {
            this(status, json, Map.of());
        }
    }

    /** The exchange attribute holding the request body as the stand-in received it. */
    public static final String BODY = "body";

    private StandInService() {}

    /**
     * Every request (its body read, in the exchange's attribute {@link #BODY}) gets the answer the function gives for
     * it, but the gateway's health checks: {@code /readyz} answers 200.
     */
    public static HttpServer start(Function<HttpExchange, Answer> answers) {
        return start(0, answers);
    }

    /** As {@link #start(Function)}, on the given port (0 for any free one). */
    public static HttpServer start(int port, Function<HttpExchange, Answer> answers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/readyz", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                exchange.setAttribute(
                        BODY, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Answer answer = answers.apply(exchange);
                byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                answer.headers().forEach(exchange.getResponseHeaders()::add);
                boolean empty = answer.status() == 304 || body.length == 0;
                exchange.sendResponseHeaders(answer.status(), empty ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (!empty) {
                        out.write(body);
                    }
                }
            });
            server.setExecutor(Executors.newCachedThreadPool()); // concurrent requests are served concurrently
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A feedback service that counts each submission in on {@code arrived}, then holds its 202 until {@code release}
     * opens (at most 20 s), so that many submissions are in flight at once.
     */
    static HttpServer holdingSubmissions(CountDownLatch arrived, CountDownLatch release) {
        return start(exchange -> {
            arrived.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(202, "{\"id\": \"f\"}");
        });
    }

    /** Routes to this feedback stand-in; article- and exercise-service are addresses nothing listens on. */
    static void onlyFeedbackUp(DynamicPropertyRegistry registry, HttpServer feedbackService) {
        registry.add("FEEDBACK_SERVICE_URL", () -> url(feedbackService));
        registry.add("ARTICLE_SERVICE_URL", StandInService::down);
        registry.add("EXERCISE_SERVICE_URL", StandInService::down);
    }

    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The URL of a service that is down: a port nothing listens on. */
    public static String down() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
