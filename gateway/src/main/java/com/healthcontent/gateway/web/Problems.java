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
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from anywhere in the gateway: filters, security handlers, error handler. */
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
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = jsonMapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
