package com.healthcontent.gateway.routes;

import com.healthcontent.gateway.web.ClientAddresses;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    /** Without tracing (no propagator) the caller's trace headers pass through unchanged. */
    @Bean
    ProxiedRequestHeaders proxiedRequestHeaders(
            ObjectProvider<Propagator> propagator, ClientAddresses clientAddresses) {
        return new ProxiedRequestHeaders(propagator.getIfAvailable(() -> Propagator.NOOP), clientAddresses);
    }
}
