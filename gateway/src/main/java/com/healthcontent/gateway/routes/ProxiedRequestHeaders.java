package com.healthcontent.gateway.routes;

import com.healthcontent.gateway.web.ClientAddresses;
import com.healthcontent.gateway.web.RequestIdFilter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a proxied request carries to a service beyond the client's own headers, in one copy of them (the first of
 * the gateway's header filters; hop-by-hop removal follows).
 *
 * <ul>
 *   <li>Forwarding headers a client wrote ({@code Forwarded}, {@code X-Forwarded-*}) are dropped: the services
 *       believe them (client address for per-reader limits, host and scheme for links). The gateway writes its own:
 *       {@code X-Forwarded-For} with the client's address alone ({@link ClientAddresses}: behind trusted proxies, the
 *       right-most address they did not add), {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} as the
 *       client used them (as a trusted proxy forwarded them, or as the gateway received them). Spring Cloud
 *       Gateway's own X-Forwarded filter is off: for a peer that is not trusted it wrote nothing at all, so every
 *       reader behind an untrusted ingress reached the services as the gateway's address.</li>
 *   <li>The trace continues from the gateway's server span: its W3C {@code traceparent} replaces the caller's, with
 *       the sampling decision taken at the gateway (a caller's sampled trace stays sampled). This replaces Spring
 *       Cloud Gateway's client observation per proxied request, which cost about a tenth of the gateway's CPU per
 *       request (load-tests/results/READS.md) and added a span that only repeated the server span's timing.</li>
 * </ul>
 */
public class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;
    private final ClientAddresses clientAddresses;

    public ProxiedRequestHeaders(Propagator propagator, ClientAddresses clientAddresses) {
        this.propagator = propagator;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = serverSpan(exchange);
        List<String> replaced = span == null ? List.of() : propagator.fields();
        HttpHeaders proxied = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isForwarding(name)
                    && !name.equalsIgnoreCase(ClientAddresses.READER_SITE_KEY)
                    && !replaced.contains(name.toLowerCase(Locale.ROOT))) {
                proxied.put(name, values);
            }
        });
        if (span != null) {
            propagator.inject(span.context(), proxied, HttpHeaders::set);
        }
        forwarding(exchange, input, proxied);
        return proxied;
    }

    /**
     * What the gateway's own call for a part of a composed answer carries of the reader's request: the forwarding
     * headers (so that what the service writes, such as a bearer challenge's metadata address, names the gateway and
     * not the service), the trace and the request id; none of the client's other headers.
     */
    public HttpHeaders forPart(ServerWebExchange exchange) {
        HttpHeaders part = new HttpHeaders();
        Span span = serverSpan(exchange);
        if (span != null) {
            propagator.inject(span.context(), part, HttpHeaders::set);
        }
        HttpHeaders received = exchange.getRequest().getHeaders();
        forwarding(exchange, received, part);
        String requestId = received.getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            part.set(RequestIdFilter.HEADER, requestId);
        }
        return part;
    }

    private void forwarding(ServerWebExchange exchange, HttpHeaders received, HttpHeaders proxied) {
        URI uri = exchange.getRequest().getURI();
        boolean viaProxy = clientAddresses.viaTrustedProxy(exchange);
        String proto = viaProxy ? nearest(received, "X-Forwarded-Proto", uri.getScheme()) : uri.getScheme();
        String host = viaProxy
                ? nearest(received, "X-Forwarded-Host", received.getFirst(HttpHeaders.HOST))
                : received.getFirst(HttpHeaders.HOST);
        String port = viaProxy ? nearest(received, "X-Forwarded-Port", null) : null;
        if (port == null) {
            port = Integer.toString(uri.getPort() >= 0 ? uri.getPort() : "https".equals(proto) ? 443 : 80);
        }
        proxied.set("X-Forwarded-For", clientAddresses.of(exchange));
        proxied.set("X-Forwarded-Proto", proto);
        if (host != null) {
            proxied.set("X-Forwarded-Host", host);
        }
        proxied.set("X-Forwarded-Port", port);
    }

    /** The value the proxy nearest to the gateway wrote (the right-most), or {@code otherwise}. */
    private static String nearest(HttpHeaders headers, String name, String otherwise) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return otherwise;
        }
        String last = values.get(values.size() - 1);
        String nearest = last.substring(last.lastIndexOf(',') + 1).strip();
        return nearest.isEmpty() ? otherwise : nearest;
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
