package com.healthcontent.gateway.routes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param openFor            how long a service's circuit stays open once half of its recent calls failed
 * @param minimumCalls       calls seen before the failure rate counts
 * @param maxConcurrentCalls requests in flight to one service per gateway instance; more are shed (503), see
 *                           application.yml (the connection pool's size unless GATEWAY_MAX_CONCURRENT_CALLS)
 */
@ConfigurationProperties("platform.circuit-breaker")
public record ResilienceProperties(
        @DefaultValue("10s") Duration openFor,
        @DefaultValue("10") int minimumCalls,
        int maxConcurrentCalls) {}
