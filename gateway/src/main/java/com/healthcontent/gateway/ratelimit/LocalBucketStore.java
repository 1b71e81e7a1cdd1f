package com.healthcontent.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Buckets in this instance's memory, bounded, idle ones evicted: right for one gateway instance. */
class LocalBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
        return Mono.just(bucket.tryConsumeAndReturnRemaining(1));
    }
}
