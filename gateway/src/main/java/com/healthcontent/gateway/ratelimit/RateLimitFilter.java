package com.healthcontent.gateway.ratelimit;

import com.healthcontent.gateway.web.ClientAddresses;
import com.healthcontent.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Set;
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
 * Token buckets (Bucket4j) per caller: the token's subject when signed in, the client's address otherwise (behind
 * trusted proxies, {@link ClientAddresses}), and separate, stricter buckets per address for reader feedback
 * ({@code POST /api/v1/feedback}, and the reader site's forms {@code /feedback} and {@code /feedback/details}) and for
 * sign-in attempts ({@code POST /login}, and {@code /login/webauthn} for passkeys: auth-server throttles guessing per account too). Over
 * the limit: 429 with {@code Retry-After} and a problem body. The buckets are in this instance's memory, or in Redis when several gateway instances run.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /**
     * Reader feedback, one allowance per address whichever way it comes: the API's vote or the reader site's form
     * posts. A form post is counted here, per reader; the site then sends it on to the API, showing its key
     * (READER_SITE_KEY), and that call is not counted again. Without the key the site is a client like any other.
     */
    private static final Set<String> FEEDBACK = Set.of("/api/v1/feedback", "/feedback", "/feedback/details");

    private final BucketStore buckets;
    private final RateLimitProperties limits;
    private final Problems problems;
    private final ClientAddresses clientAddresses;

    public RateLimitFilter(
            BucketStore buckets, RateLimitProperties limits, Problems problems, ClientAddresses clientAddresses) {
        this.buckets = buckets;
        this.limits = limits;
        this.problems = problems;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean post = exchange.getRequest().getMethod() == HttpMethod.POST;
        boolean signIn = post && (path.equals("/login") || path.equals("/login/webauthn"));
        boolean feedback = post && FEEDBACK.contains(path);
        if (feedback && path.startsWith("/api/") && clientAddresses.fromReaderSite(exchange)) {
            return chain.filter(exchange); // the reader's form post that it sends on was counted
        }
        if (!limits.enabled() || !(path.startsWith("/api/") || signIn || feedback)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> principal instanceof Authentication auth && auth.isAuthenticated()
                        ? "sub:" + principal.getName()
                        : null)
                .defaultIfEmpty("")
                .flatMap(subject -> {
                    String key;
                    int perMinute;
                    if (signIn) {
                        key = "sign-in:" + clientAddresses.of(exchange);
                        perMinute = limits.signInPerMinute();
                    } else if (feedback) {
                        key = "feedback:" + clientAddresses.of(exchange);
                        perMinute = limits.feedbackPerMinute();
                    } else if (!subject.isEmpty()) {
                        key = subject;
                        perMinute = limits.signedInPerMinute();
                    } else {
                        key = "ip:" + clientAddresses.of(exchange);
                        perMinute = limits.anonymousPerMinute();
                    }
                    return buckets.tryConsume(key + "/" + perMinute, perMinute(perMinute))
                            .flatMap(probe -> admit(exchange, chain, probe));
                });
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, ConsumptionProbe probe) {
        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        long retryAfter = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "Slow down: try again in " + retryAfter + " s.");
    }

    static BucketConfiguration perMinute(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** After authentication (so the subject is known), before routing. */
    @Override
    public int getOrder() {
        return 0;
    }
}
