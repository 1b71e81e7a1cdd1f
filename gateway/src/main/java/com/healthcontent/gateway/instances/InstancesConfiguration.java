package com.healthcontent.gateway.instances;

import java.time.Clock;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which of a service's instances take requests: those whose readiness probe answered 200 at the last health check
 * ({@code spring.cloud.loadbalancer.health-check}, every 2 s by default), less those a call could not connect to
 * since ({@link UnreachableInstances}). A dead instance leaves the rotation at its first refused connection and a
 * restarted one rejoins once it is ready; the routes retry a refused connection on the next instance.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceRotation.class)
class InstancesConfiguration {

    @Bean
    UnreachableInstances unreachableInstances(InstanceProperties properties) {
        return new UnreachableInstances(properties.ejectionTime(), Clock.systemUTC());
    }
}
