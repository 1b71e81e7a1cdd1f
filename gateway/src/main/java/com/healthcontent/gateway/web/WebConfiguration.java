package com.healthcontent.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    BodySizeLimitFilter bodySizeLimitFilter(EdgeProperties properties, Problems problems) {
        return new BodySizeLimitFilter(properties.http().maxBodySize(), problems);
    }

    /**
     * {@code GATEWAY_TRUSTED_PROXIES}: the ingress or load balancers in front, e.g. {@code 10.0.0.0/8};
     * {@code READER_SITE_KEY}: the reader site's key.
     */
    @Bean
    ClientAddresses clientAddresses(EdgeProperties properties) {
        return new ClientAddresses(
                TrustedProxies.of(properties.proxies().trusted()),
                properties.proxies().readerSiteKey());
    }

    @Bean
    ProblemErrorHandler problemErrorHandler(Problems problems) {
        return new ProblemErrorHandler(problems);
    }
}
