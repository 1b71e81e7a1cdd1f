package com.healthcontent.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthcontent.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token buckets (Bucket4j) per caller: the token's subject when signed in, the client IP otherwise, and a
 * separate, stricter bucket for {@code POST /api/v1/feedback}. Over the limit: 429 with {@code Retry-After} and a
 * problem body. Buckets live in this instance's memory (bounded, idle ones evicted); with several gateway
 * instances, give Bucket4j a Redis-backed proxy manager instead (README, "Several gateway instances").
 */
public class RateLimitFilter implements WebFilter, Ordered {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(500_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();
    private final RateLimitProperties limits;
    private final Problems problems;

    public RateLimitFilter(RateLimitProperties limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limits.enabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> principal instanceof Authentication auth && auth.isAuthenticated()
                        ? "sub:" + principal.getName() : null)
                .defaultIfEmpty("")
                .flatMap(subject -> {
                    boolean feedback = exchange.getRequest().getMethod() == HttpMethod.POST
                            && exchange.getRequest().getPath().value().equals("/api/v1/feedback");
                    String key;
                    int perMinute;
                    if (feedback) {
                        key = "feedback:" + clientIp(exchange);
                        perMinute = limits.feedbackPerMinute();
                    } else if (!subject.isEmpty()) {
                        key = subject;
                        perMinute = limits.signedInPerMinute();
                    } else {
                        key = "ip:" + clientIp(exchange);
                        perMinute = limits.anonymousPerMinute();
                    }
                    ConsumptionProbe probe = bucket(key, perMinute).tryConsumeAndReturnRemaining(1);
                    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
                            Long.toString(probe.getRemainingTokens()));
                    if (probe.isConsumed()) {
                        return chain.filter(exchange);
                    }
                    long retryAfter = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                            "Slow down: try again in " + retryAfter + " s.");
                });
    }

    private Bucket bucket(String key, int perMinute) {
        return buckets.get(key + "/" + perMinute, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** After authentication (so the subject is known), before routing. */
    @Override
    public int getOrder() {
        return 0;
    }
}
