package com.healthcontent.gateway.routes;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service: after half of the last calls failed (at least ten), requests get the 503
 * fallback at once for a while instead of waiting on a dead service. The time limit stays above the routes'
 * response timeouts: Resilience4j's default of one second cut cold first requests short while the service still
 * completed them, and a client retry then did the write twice.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakers(
            @Value("${platform.circuit-breaker.open-for:10s}") Duration openFor,
            @Value("${platform.circuit-breaker.minimum-calls:10}") int minimumCalls) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(Math.max(20, minimumCalls))
                        .minimumNumberOfCalls(minimumCalls)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(openFor)
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build())
                .build());
    }
}
