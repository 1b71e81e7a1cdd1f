package com.healthcontent.gateway.routes;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service: after half of the last calls failed (at least ten), requests get the 503
 * fallback at once for a while instead of waiting on a dead service. The time limit stays above the routes'
 * response timeouts: Resilience4j's default of one second cut cold first requests short while the service still
 * completed them, and a client retry then did the write twice.
 *
 * <p>Spring Cloud CircuitBreaker also puts a bulkhead in front of each service, by default 25 calls at a time;
 * in a feedback burst the 26th concurrent submission was refused, the refusal counted as a failure and opened
 * the breaker, so the whole burst got 503s while the service sat idle. The bulkhead here admits far more calls
 * (bounded, so a hung service cannot tie up the gateway), and a full bulkhead sheds only the excess: it does
 * not count against the service.
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
                        .ignoreExceptions(BulkheadFullException.class)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build())
                .build());
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> serviceBulkheads(
            @Value("${platform.circuit-breaker.max-concurrent-calls:1000}") int maxConcurrentCalls) {
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls)
                        .maxWaitDuration(Duration.ZERO).build())
                .build());
    }
}
