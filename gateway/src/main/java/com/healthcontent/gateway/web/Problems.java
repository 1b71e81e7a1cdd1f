package com.healthcontent.gateway.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from anywhere in the gateway: filters, security handlers, error handler. A reader's
 * browser asking for a page of the reader site (not the API) gets the same as a short HTML page instead, so that a
 * limit or an outage reads as a sentence with a way back, not as JSON.
 */
public final class Problems {

    private final JsonMapper jsonMapper;

    public Problems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The same problem as a response entity, for handlers that return one. */
    public static ResponseEntity<Object> entity(
            ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** 400 naming the query parameter that was wrong, as the services name theirs ({@code errors}). */
    public static ResponseEntity<Object> invalid(ServerWebExchange exchange, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request");
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        byte[] body;
        if (wantsAPage(exchange)) {
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            body = page(title, detail).getBytes(StandardCharsets.UTF_8);
        } else {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            body = jsonMapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** A browser navigating the reader site: not the API, and HTML is what it asks for. */
    private static boolean wantsAPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/api/") || path.startsWith("/console/")) {
            return false;
        }
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(accepted -> accepted.getType().equals("text")
                        && accepted.getSubtype().equals("html"));
    }

    private static String page(String title, String detail) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%1$s</title>
                <style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style>
                </head><body><main><h1>%1$s</h1><p>%2$s</p><p><a href="/">Back to the home page</a></p></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(detail));
    }
}
