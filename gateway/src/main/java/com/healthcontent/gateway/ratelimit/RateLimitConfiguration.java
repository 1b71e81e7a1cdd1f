package com.healthcontent.gateway.ratelimit;

import com.healthcontent.gateway.web.ClientAddresses;
import com.healthcontent.gateway.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Here, not in web's configuration: ratelimit builds on web's problems and client addresses, never the reverse. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    BucketStore bucketStore(RateLimitProperties limits) {
        return limits.redisUrl() == null || limits.redisUrl().isBlank()
                ? BucketStore.local()
                : BucketStore.redis(limits.redisUrl());
    }

    @Bean
    RateLimitFilter rateLimitFilter(
            BucketStore buckets, RateLimitProperties limits, Problems problems, ClientAddresses clientAddresses) {
        return new RateLimitFilter(buckets, limits, problems, clientAddresses);
    }
}
