package com.healthcontent.gateway.instances;

import java.time.Duration;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerProperties;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
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
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .with((ctx, discovered) -> readyInstances(ctx, discovered))
                .with((ctx, ready) -> new Reachable(ready, ctx.getBean(UnreachableInstances.class)))
                .build(context);
    }

    /** Probed as {@code spring.cloud.loadbalancer.health-check} says: its path per service, its interval. */
    private static ReadyInstances readyInstances(
            ConfigurableApplicationContext context, ServiceInstanceListSupplier discovered) {
        LoadBalancerProperties.HealthCheck healthCheck = context.getBean(LoadBalancerClientFactory.class)
                .getProperties(discovered.getServiceId())
                .getHealthCheck();
        String path = healthCheck
                .getPath()
                .getOrDefault(discovered.getServiceId(), healthCheck.getPath().getOrDefault("default", "/readyz"));
        Duration interval = healthCheck.getInterval();
        // a client of its own: the gateway's load-balanced WebClient.Builder would read instance addresses as
        // service names
        return new ReadyInstances(discovered, WebClient.create(), path, interval);
    }

    /** The ready instances less the ejected ones, taken at each choice. */
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
