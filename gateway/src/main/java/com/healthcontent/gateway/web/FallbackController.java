package com.healthcontent.gateway.web;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends requests it did not pass on, answered at once with a problem: 503 while
 * the service is failing (breaker open or the call failed) and when the service already has as many requests in
 * flight as the gateway admits to it (load shed, see {@code ResilienceConfiguration}); 504 when it did not answer
 * within the route's response timeout. A shed request comes
 * back with {@code Retry-After}; it was never sent, so the client can simply send it again.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final Problems problems;
    private final MeterRegistry meterRegistry;

    FallbackController(Problems problems, MeterRegistry meterRegistry) {
        this.problems = problems;
        this.meterRegistry = meterRegistry;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof BulkheadFullException) {
            // Not logged one by one: under overload that would be hundreds of lines a second. The metric counts them.
            meterRegistry.counter("platform.gateway.shed", "service", service).increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Too busy",
                    "The " + service
                            + " has as much work as it can take right now; send the request again in a second.");
        }
        if (cause != null && !(cause instanceof CallNotPermittedException)) {
            // Calls refused while the breaker is open were never tried: its state is in the metrics
            // (resilience4j_circuitbreaker_state), and one line per refused request drowned the failures that opened
            // it.
            log.warn("Call to {} failed: {}", service, cause.toString());
        }
        if (timedOut(cause)) {
            return problems.write(
                    exchange,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "Gateway timeout",
                    "The " + service + " did not answer in time.");
        }
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "The " + service + " is not answering right now; try again shortly.");
    }

    /**
     * The route's response timeout ran out (the service is there but slow): 504, not 503. Spring Cloud Gateway
     * reports it as a 504 status exception.
     */
    private static boolean timedOut(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException status
                            && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
        }
        return false;
    }
}
