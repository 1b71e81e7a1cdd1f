package com.healthcontent.gateway.instances;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The instance list of each service's load balancer (its own context; deliberately not a {@code @Configuration}
 * nor nested in one, so that the gateway's context never holds a supplier every balancer would find).
 */
class InstanceRotation {

    @Bean
    ServiceInstanceListSupplier serviceInstances(ConfigurableApplicationContext context) {
        // a client of its own: the gateway's load-balanced WebClient.Builder would read instance addresses as
        // service names
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withHealthChecks(WebClient.create())
                .with((ctx, healthChecked) -> new Reachable(healthChecked, ctx.getBean(UnreachableInstances.class)))
                .build(context);
    }

    /** The health-checked instances less the ejected ones, taken at each choice. */
    static final class Reachable extends DelegatingServiceInstanceListSupplier {

        private final UnreachableInstances unreachable;

        Reachable(ServiceInstanceListSupplier delegate, UnreachableInstances unreachable) {
            super(delegate);
            this.unreachable = unreachable;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return delegate.get().map(unreachable::reachable);
        }
    }
}
