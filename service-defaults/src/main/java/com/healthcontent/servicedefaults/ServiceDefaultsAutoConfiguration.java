package com.healthcontent.servicedefaults;

import com.healthcontent.servicedefaults.apidocs.ApiDocumentationConfiguration;
import com.healthcontent.servicedefaults.health.MongoPingHealthIndicator;
import com.healthcontent.servicedefaults.problem.ProblemDetailsAdvice;
import com.healthcontent.servicedefaults.security.ServiceSecurityConfiguration;
import com.healthcontent.servicedefaults.web.RequestBodyLimitFilter;
import com.healthcontent.servicedefaults.web.RequestIdLogging;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets by depending on service-defaults (as eShop's ServiceDefaults): problem details,
 * token verification with roles, health that includes MongoDB, a bounded request body (events: the messaging
 * module). Defaults live in {@code service-defaults.yml}. A process that only borrows another module of ours (the
 * authorization server publishing events through the messaging module) turns all of it off with
 * {@code platform.service-defaults.enabled=false}.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnProperty(name = ServiceDefaultsEnvironmentPostProcessor.ENABLED, matchIfMissing = true)
@Import({ServiceSecurityConfiguration.class, ApiDocumentationConfiguration.class})
@EnableConfigurationProperties(ServiceProperties.class)
public class ServiceDefaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            ServiceProperties properties, JsonMapper jsonMapper) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.http().maxBodySize(), jsonMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestIdLogging> requestIdLogging() {
        FilterRegistrationBean<RequestIdLogging> registration = new FilterRegistrationBean<>(new RequestIdLogging());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Give up on an unreachable MongoDB after a few seconds (the driver's default is 30): requests fail fast with a
     * 503 and readiness turns DOWN while the health check itself still answers.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer fastFailingMongoClient(ServiceProperties properties) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                properties.mongo().serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Named so that Boot's {@code hello}-based indicator backs off; shows as {@code mongo} in health. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
        return new MongoPingHealthIndicator(mongoTemplate);
    }
}
