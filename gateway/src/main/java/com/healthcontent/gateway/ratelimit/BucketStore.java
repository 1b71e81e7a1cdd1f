package com.healthcontent.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this instance's memory, or Redis when several gateway instances share limits. */
public interface BucketStore {

    Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration);

    static BucketStore local() {
        return new LocalBucketStore();
    }

    static BucketStore redis(String redisUrl) {
        return new RedisBucketStore(redisUrl);
    }
}
