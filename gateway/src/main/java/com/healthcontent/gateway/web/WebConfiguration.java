package com.healthcontent.gateway.web;

import com.healthcontent.gateway.ratelimit.BucketStore;
import com.healthcontent.gateway.ratelimit.RateLimitFilter;
import com.healthcontent.gateway.ratelimit.RateLimitProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    Problems problems(JsonMapper jsonMapper) {
        return new Problems(jsonMapper);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(@Value("${platform.http.max-body-size:256KB}") DataSize maxBodySize,
            Problems problems) {
        return new BodySizeLimitFilter(maxBodySize, problems);
    }

    @Bean
    BucketStore bucketStore(RateLimitProperties limits) {
        return limits.redisUrl() == null || limits.redisUrl().isBlank() ? BucketStore.local()
                : BucketStore.redis(limits.redisUrl());
    }

    @Bean
    RateLimitFilter rateLimitFilter(BucketStore buckets, RateLimitProperties limits, Problems problems) {
        return new RateLimitFilter(buckets, limits, problems);
    }

    @Bean
    ProblemErrorHandler problemErrorHandler(Problems problems) {
        return new ProblemErrorHandler(problems);
    }
}
