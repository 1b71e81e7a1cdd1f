package com.healthcontent.auth.store;

import com.healthcontent.sessions.SerializedObjects;
import com.healthcontent.sessions.StoredSessions;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * Everything the authorization server remembers between requests lives in MongoDB, so that any instance can serve
 * any step and a restart forgets nothing: authorizations and refresh tokens, consents, sign-in sessions. Only the
 * signing key is elsewhere (a file or a secret every instance mounts).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
class StoreConfiguration {

    @Bean
    StoredAuthorizations authorizationService(MongoTemplate mongoTemplate) {
        return new StoredAuthorizations(mongoTemplate, Clock.systemUTC());
    }

    @Bean
    StoredConsents authorizationConsentService(MongoTemplate mongoTemplate) {
        return new StoredConsents(mongoTemplate);
    }

    @Bean
    StoredSessions sessionRepository(
            MongoTemplate mongoTemplate, @Value("${server.servlet.session.timeout:30m}") Duration maxInactive) {
        return new StoredSessions(
                mongoTemplate, "login_sessions", maxInactive, new SerializedObjects(), Clock.systemUTC());
    }

    /**
     * Readiness includes the store (no sign-in works without it), by {@code ping}: Boot's indicator sends
     * {@code hello}, which the local stack's MongoDB wire server refuses.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
        return () -> {
            try {
                mongoTemplate.executeCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
