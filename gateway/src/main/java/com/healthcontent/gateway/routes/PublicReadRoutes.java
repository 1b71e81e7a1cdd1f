package com.healthcontent.gateway.routes;

import java.io.IOException;
import java.util.function.Function;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Anonymous reads of published content, matched before the general routes (application.yml): retried on a server
 * error or a failed or dropped connection (reads are idempotent), behind each service's circuit breaker. A read that
 * ran into the response timeout is not sent again: the service is slow, not gone, and two more tries would double
 * its work and keep the reader waiting three timeouts. What the edge cache ({@code cache.EdgeCache}) holds never
 * gets this far.
 */
@Configuration(proxyBeanMethods = false)
class PublicReadRoutes {

    @Bean
    RouteLocator publicReads(RouteLocatorBuilder routes) {
        return routes.routes()
                .route(
                        "articles-public-read",
                        r -> anonymousGet(
                                        r,
                                        "/api/v1/articles",
                                        "/api/v1/articles/{slug}",
                                        "/api/v1/articles/{slug}/structured-data")
                                .and()
                                .not(p -> p.path("/api/v1/articles/due-for-review"))
                                .filters(readFilters("article-service"))
                                .uri("lb://article-service"))
                .route(
                        "exercises-public-read",
                        r -> anonymousGet(
                                        r,
                                        "/api/v1/exercises",
                                        "/api/v1/exercises/{slug}",
                                        "/api/v1/exercises/{slug}/session",
                                        "/api/v1/routines",
                                        "/api/v1/routines/{slug}",
                                        "/api/v1/routines/{slug}/session")
                                .filters(readFilters("exercise-service"))
                                .uri("lb://exercise-service"))
                .route(
                        "feedback-summary-public-read",
                        r -> anonymousGet(r, "/api/v1/feedback/summary")
                                .filters(readFilters("feedback-service"))
                                .uri("lb://feedback-service"))
                .build();
    }

    private static BooleanSpec anonymousGet(PredicateSpec route, String... paths) {
        return route.order(-1)
                .method(HttpMethod.GET)
                .and()
                .path(paths)
                .and()
                .not(p -> p.header(HttpHeaders.AUTHORIZATION));
    }

    private static Function<GatewayFilterSpec, UriSpec> readFilters(String service) {
        return f -> f.circuitBreaker(c -> c.setName(service).setFallbackUri("forward:/fallback/" + service))
                .retry(retry -> retry.setRetries(2)
                        .setMethods(HttpMethod.GET)
                        .setSeries(HttpStatus.Series.SERVER_ERROR)
                        .setExceptions(IOException.class));
    }
}
