package com.healthcontent.console.alerts;

import com.healthcontent.console.ConsoleProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in person's live alerts for their open page: the console holds the platform's alert stream open with
 * their token (which never reaches the browser) and passes each event on as it comes. The stream ends when the
 * platform's does (after 30 minutes) and the browser's EventSource connects again by itself.
 */
@RestController
class LiveAlerts {

    private static final Duration STREAM_LIMIT = Duration.ofMinutes(31);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One thread per open page, reading the platform's stream (a reviewer team, not a crowd). */
    private final ExecutorService relays = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "live-alerts");
        thread.setDaemon(true);
        return thread;
    });

    private final URI stream;

    LiveAlerts(ConsoleProperties properties) {
        this.stream = URI.create(properties.apiUrl() + "/api/v1/me/alerts/stream");
    }

    @GetMapping(path = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RegisteredOAuth2AuthorizedClient("web") OAuth2AuthorizedClient client) {
        SseEmitter page = new SseEmitter(STREAM_LIMIT.toMillis());
        AtomicReference<Stream<String>> upstream = new AtomicReference<>();
        Runnable close = () -> {
            Stream<String> lines = upstream.getAndSet(null);
            if (lines != null) {
                lines.close();
            }
        };
        page.onCompletion(close);
        page.onTimeout(close);
        page.onError(failure -> close.run());
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                .header("Authorization", "Bearer " + client.getAccessToken().getTokenValue())
                .build();
        relays.execute(() -> relay(request, page, upstream));
        return page;
    }

    private void relay(HttpRequest request, SseEmitter page, AtomicReference<Stream<String>> upstream) {
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                response.body().close();
                page.completeWithError(new IOException("the alert stream answered " + response.statusCode()));
                return;
            }
            upstream.set(response.body());
            Event event = new Event();
            response.body().forEachOrdered(line -> event.take(line, page));
            page.complete();
        } catch (IOException | RuntimeException closedOrFailed) {
            page.completeWithError(closedOrFailed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page.complete();
        }
    }

    /** One server-sent event being read, line by line, sent on at its blank line. */
    private static final class Event {

        private String name = "message";
        private final StringBuilder data = new StringBuilder();

        void take(String line, SseEmitter page) {
            try {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        page.send(SseEmitter.event().name(name).data(data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    page.send(SseEmitter.event().comment("keep-alive")); // and notices a page that has gone
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n")
                            .append(line.substring(5).strip());
                }
            } catch (IOException pageGone) {
                throw new IllegalStateException("the page closed its stream", pageGone);
            }
        }
    }
}
