package com.healthcontent.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's cache of anonymous public reads. It runs after security and the rate limits (a cached answer still
 * counts against the reader's limit and carries their counters and request id) and answers a hit without routing
 * or calling a service. It stores what the service sent, minus what belongs to one request, and answers
 * {@code If-None-Match} itself (304), hit or miss: on a miss it asks the service for the whole response so that it
 * can be kept; a compressed answer is kept apart, for clients that take gzip. Entries live as long as
 * {@link EdgeCachePolicy} says for their path, and content entries are dropped on every gateway instance as soon as
 * an article or exercise event says that something changed ({@link ContentEventsListener}).
 */
public class EdgeCache implements WebFilter, Ordered {

    /** Where a compressed answer is kept: before its path. */
    private static final String GZIP = "gzip ";

    /** Headers that describe one exchange, never a stored answer. */
    private static final Set<String> PER_REQUEST = Set.of(
            "x-request-id",
            "x-ratelimit-remaining",
            "x-ratelimit-limit",
            "retry-after",
            "date",
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "set-cookie",
            "vary",
            "age",
            "access-control-allow-origin",
            "access-control-allow-credentials",
            "access-control-expose-headers");

    record Entry(
            int status,
            HttpHeaders headers,
            byte[] body,
            String etag,
            Instant storedAt,
            Duration timeToLive,
            long generation) {}

    private final EdgeCachePolicy policy;
    private final Cache<String, Entry> entries;
    private final AtomicLong contentGeneration = new AtomicLong();

    public EdgeCache(EdgeCachePolicy policy, long maximumBytes, MeterRegistry meterRegistry) {
        this.policy = policy;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .<String, Entry>weigher((key, entry) -> key.length() + entry.body().length + 512)
                .expireAfter(Expiry.creating((String key, Entry entry) -> entry.timeToLive()))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meterRegistry, entries, "gateway.edge.cache");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        String path = request.getPath().pathWithinApplication().value();
        Duration timeToLive = policy.timeToLive(path);
        if (timeToLive == null) {
            return chain.filter(exchange);
        }
        String key = request.getURI().getRawQuery() == null
                ? path
                : path + "?" + request.getURI().getRawQuery();
        // The reader site compresses its pages for clients that take gzip: such a copy is kept apart and given only
        // to them, while an uncompressed answer (all of the API's) is one entry for every client.
        boolean gzip = acceptsGzip(request.getHeaders());
        Entry held = gzip ? entries.getIfPresent(GZIP + key) : null;
        if (held == null) {
            held = entries.getIfPresent(key);
        }
        if (held != null) {
            return answer(exchange, held);
        }
        ServerHttpRequest unconditional = request.mutate()
                .headers(headers -> {
                    headers.remove(HttpHeaders.IF_NONE_MATCH);
                    headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
                    if (gzip) {
                        headers.set(HttpHeaders.ACCEPT_ENCODING, "gzip");
                    } else {
                        headers.remove(HttpHeaders.ACCEPT_ENCODING);
                    }
                })
                .build();
        boolean content = policy.isContent(path);
        long generation = contentGeneration.get();
        return chain.filter(exchange.mutate()
                .request(unconditional)
                .response(new Keeping(exchange, key, timeToLive, content ? generation : -1, gzip))
                .build());
    }

    /** Whether the client takes gzip ({@code Accept-Encoding}, unless with {@code q=0}). */
    static boolean acceptsGzip(HttpHeaders headers) {
        for (String coding : headers.getValuesAsList(HttpHeaders.ACCEPT_ENCODING)) {
            String[] nameAndWeight = coding.split(";", 2);
            if (nameAndWeight[0].strip().equalsIgnoreCase("gzip")) {
                return nameAndWeight.length == 1
                        || !nameAndWeight[1].replace(" ", "").matches("(?i)q=0(\\.0{0,3})?");
            }
        }
        return false;
    }

    /** Drops every entry of articles, exercises, routines and pages (not the feedback summaries). */
    public void contentChanged() {
        contentGeneration.incrementAndGet();
        entries.asMap().values().removeIf(entry -> entry.generation() >= 0);
    }

    private static Mono<Void> answer(ServerWebExchange exchange, Entry entry) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        entry.headers().forEach(headers::put);
        if (entry.headers().containsHeader(HttpHeaders.CONTENT_ENCODING)) {
            // held per encoding, as anything that keeps this answer further on must know
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        headers.set(
                HttpHeaders.AGE,
                Long.toString(Duration.between(entry.storedAt(), Instant.now()).toSeconds()));
        if (notModified(exchange, entry.etag())) {
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.valueOf(entry.status()));
        headers.setContentLength(entry.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(entry.body())));
    }

    /** WebFlux's own If-None-Match comparison (weak, lists, {@code *}); a 304 carries no content headers. */
    private static boolean notModified(ServerWebExchange exchange, String etag) {
        if (etag == null || !exchange.checkNotModified(etag)) {
            return false;
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.remove(HttpHeaders.CONTENT_TYPE);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.CONTENT_LANGUAGE);
        return true;
    }

    /** The service's answer on a miss: kept when it may be, then sent (or a 304 when the client holds it). */
    private final class Keeping extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final String key;
        private final Duration timeToLive;
        private final long generation;
        private final boolean gzip;

        /**
         * {@code exchange} is the client's, with the conditional headers the service was not sent; {@code gzip}
         * whether the service was asked for gzip (otherwise for no encoding at all).
         */
        Keeping(ServerWebExchange exchange, String key, Duration timeToLive, long generation, boolean gzip) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.key = key;
            this.timeToLive = timeToLive;
            this.generation = generation;
            this.gzip = gzip;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            boolean ok = getStatusCode() == null || getStatusCode().value() == HttpStatus.OK.value();
            String etag = getHeaders().getETag();
            if (!ok || !mayKeep(getHeaders())) {
                // not kept, but the client's condition still holds: the service was not sent it
                return ok && notModified(exchange, etag)
                        ? Flux.from(body)
                                .doOnNext(DataBufferUtils::release)
                                .then(getDelegate().setComplete())
                        : super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                keep(bytes, etag);
                if (notModified(exchange, etag)) {
                    return getDelegate().setComplete();
                }
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }

        private void keep(byte[] bytes, String etag) {
            HttpHeaders stored = new HttpHeaders();
            getHeaders().forEach((name, values) -> {
                if (!PER_REQUEST.contains(name.toLowerCase(Locale.ROOT))) {
                    stored.put(name, List.copyOf(values));
                }
            });
            Entry entry = new Entry(
                    HttpStatus.OK.value(),
                    HttpHeaders.readOnlyHttpHeaders(stored),
                    bytes,
                    etag,
                    Instant.now(),
                    timeToLive,
                    generation);
            String kept = stored.containsHeader(HttpHeaders.CONTENT_ENCODING) ? GZIP + key : key;
            // content read before a change that was announced meanwhile is not kept
            if (generation < 0 || contentGeneration.get() == generation) {
                entries.put(kept, entry);
                if (generation >= 0 && contentGeneration.get() != generation) {
                    entries.asMap().remove(kept, entry);
                }
            }
        }

        private boolean mayKeep(HttpHeaders headers) {
            String cacheControl = headers.getCacheControl();
            String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
            boolean asAsked = encoding == null || gzip && encoding.equalsIgnoreCase("gzip");
            return asAsked
                    && (cacheControl == null
                            || !(cacheControl.contains("no-store") || cacheControl.contains("private")));
        }
    }

    /** After the security filters and the rate limits (order 0), before routing. */
    @Override
    public int getOrder() {
        return 10;
    }
}
