package com.healthcontent.gateway.instances;

import java.time.Clock;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which of a service's instances take requests: those whose readiness probe answered 200 at the last round of probes
 * ({@link ReadyInstances}: every {@code spring.cloud.loadbalancer.health-check.interval}, 2 s by default, and at once
 * when a request finds none ready), less those a call could not connect to since ({@link UnreachableInstances}). A
 * dead instance leaves the rotation at its first refused connection and a restarted one rejoins once it is ready;
 * the routes retry a refused connection on the next instance. The gateway itself is ready once every route has an
 * instance to go to ({@link EveryRouteServed}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceRotation.class)
class InstancesConfiguration {

    @Bean
    UnreachableInstances unreachableInstances(InstanceProperties properties) {
        return new UnreachableInstances(properties.ejectionTime(), Clock.systemUTC());
    }

    /** The health contributor {@code routes}, in the readiness group. */
    @Bean
    EveryRouteServed routesHealthIndicator(RouteLocator routes, LoadBalancerClientFactory balancers) {
        return new EveryRouteServed(routes, balancers);
    }
}
