package com.healthcontent.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per minute: per client IP for anonymous callers, per token subject for signed-in ones, and a stricter
 * limit per IP for reader feedback, the one anonymous write, and for sign-in attempts. With {@code redisUrl} the buckets are shared by every
 * gateway instance through Redis; without, each instance counts on its own.
 */
@ConfigurationProperties("platform.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("300") int anonymousPerMinute,
        @DefaultValue("1200") int signedInPerMinute,
        @DefaultValue("30") int feedbackPerMinute,
        @DefaultValue("20") int signInPerMinute,
        String redisUrl) {}
