package com.healthcontent.feedback.abuse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthcontent.servicedefaults.problem.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Per-reader submission limit (a token bucket per reader key), in memory: a bound per instance, behind the
 * gateway's own limits. Buckets of readers who went quiet are evicted.
 */
@Component
public class SubmissionRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final int perMinute;

    SubmissionRateLimiter(AbuseProperties properties) {
        this.perMinute = properties.perMinute();
    }

    public void check(String readerKey) {
        Bucket bucket = buckets.get(readerKey, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too much feedback from you in a short time; please wait a moment.",
                    TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        }
    }
}
