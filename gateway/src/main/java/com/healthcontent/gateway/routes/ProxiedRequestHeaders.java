package com.healthcontent.gateway.routes;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a proxied request carries to a service beyond the client's own headers, in one copy of them (the first of
 * the gateway's header filters; Spring Cloud Gateway's own X-Forwarded filter and hop-by-hop removal follow).
 *
 * <ul>
 *   <li>Forwarding headers a client wrote ({@code Forwarded}, {@code X-Forwarded-*}) are dropped: the services
 *       believe them (client address for per-reader limits, host and scheme for links), so only the gateway's own
 *       {@code X-Forwarded-*}, written after this, reach them.</li>
 *   <li>The trace continues from the gateway's server span: its W3C {@code traceparent} replaces the caller's, with
 *       the sampling decision taken at the gateway (a caller's sampled trace stays sampled). This replaces Spring
 *       Cloud Gateway's client observation per proxied request, which cost about a tenth of the gateway's CPU per
 *       request (load-tests/results/READS.md) and added a span that only repeated the server span's timing.</li>
 * </ul>
 */
public class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;

    public ProxiedRequestHeaders(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = serverSpan(exchange);
        List<String> replaced = span == null ? List.of() : propagator.fields();
        HttpHeaders proxied = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isForwarding(name) && !replaced.contains(name.toLowerCase(Locale.ROOT))) {
                proxied.put(name, values);
            }
        });
        if (span != null) {
            propagator.inject(span.context(), proxied, HttpHeaders::set);
        }
        return proxied;
    }

    private static boolean isForwarding(String name) {
        return name.equalsIgnoreCase("Forwarded")
                || name.regionMatches(true, 0, "X-Forwarded-", 0, "X-Forwarded-".length());
    }

    private static Span serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
