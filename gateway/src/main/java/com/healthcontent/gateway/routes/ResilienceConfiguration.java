package com.healthcontent.gateway.routes;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service: after half of the last calls failed (at least ten), requests get the 503
 * fallback at once for a while instead of waiting on a dead service. There is no time limit of its own
 * ({@code disable-time-limiter}): the routes' response timeouts bound every call. (Resilience4j's default of one
 * second had cut cold first requests short while the service still completed them, and a client retry then did
 * the write twice.)
 *
 * <p>The bulkhead in front of each service is the gateway's admission control. Spring Cloud CircuitBreaker puts
 * one there by default (25 calls at a time) and its refusals counted as failures, so a feedback burst opened the
 * breaker while the service sat idle; refusals now do not count against the service. Its size bounds what a
 * service is asked to do at once: beyond it requests only queue (in the connection pool, in Tomcat) until they
 * time out while the service still works on them, and under a burst throughput collapsed that way (1,000
 * submissions/s offered, about 100 accepted/s). A request over the limit is answered 503 with Retry-After at once
 * and costs almost nothing, so the service keeps working at full speed on the ones it has.
 *
 * <p>A connection that fails (refused, reset, closed before the answer) is one instance's failure, not the
 * service's, and does not count either: the load balancer leaves that instance out ({@code UnreachableInstances})
 * and a refused call goes to the next one. Counted, the calls in flight to an instance killed under load (16 of 32
 * connections) opened the breaker for the whole service although its other instance was serving. When every
 * instance is gone, the retries run out or no instance is left, and those failures count.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakers(ResilienceProperties properties) {
        int minimumCalls = properties.minimumCalls();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(Math.max(20, minimumCalls))
                        .minimumNumberOfCalls(minimumCalls)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(properties.openFor())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .ignoreExceptions(BulkheadFullException.class, IOException.class)
                        .build())
                .build());
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> serviceBulkheads(ResilienceProperties properties) {
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build())
                .build());
    }
}
