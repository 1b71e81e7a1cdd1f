package com.healthcontent.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends requests while its service is failing: a 503 problem, at once. */
@RestController
class FallbackController {

    private final Problems problems;

    FallbackController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "The " + service + " is not answering right now; try again shortly.");
    }
}
