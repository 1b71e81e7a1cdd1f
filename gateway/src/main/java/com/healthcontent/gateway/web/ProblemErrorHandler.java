package com.healthcontent.gateway.web;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors raised in the gateway itself (no route, a backend that does not answer) as problem details, like the
 * services' own errors, so clients parse one error format whoever produced it.
 */
public class ProblemErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final Problems problems;

    public ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            String detail = code == HttpStatus.NOT_FOUND
                    ? "No API at " + exchange.getRequest().getPath().value() + "."
                    : status.getReason() != null ? status.getReason() : code.getReasonPhrase();
            if (code == HttpStatus.GATEWAY_TIMEOUT) {
                detail = "The service did not answer in time.";
            }
            return problems.write(exchange, code, code.getReasonPhrase(), detail);
        }
        if (causedBy(ex, ConnectException.class)) {
            return problems.write(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The service behind this API is not reachable right now; try again shortly.");
        }
        if (causedBy(ex, TimeoutException.class)) {
            return problems.write(
                    exchange, HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout", "The service did not answer in time.");
        }
        log.error("Unexpected gateway error on {}", exchange.getRequest().getPath(), ex);
        return problems.write(
                exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong in the gateway.");
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return -2; // before Boot's DefaultErrorWebExceptionHandler (-1)
    }
}
