package com.healthcontent.gateway.instances;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import reactor.core.publisher.Mono;

/**
 * Part of the gateway's readiness: ready means usable, so not before every service a route leads to has an instance
 * ready. The launcher, Compose and Kubernetes all wait on readiness, and a gateway that said ready while it could
 * only answer "no servers available" sent the demo loader's first write a 503.
 *
 * <p>Once every route has been served, the gateway stays ready when a service later loses its instances: that
 * service's routes answer 503 problems, and everything else keeps working. Taking the whole gateway out of its load
 * balancer would turn one service's outage into an outage of all of them.
 */
final class EveryRouteServed implements ReactiveHealthIndicator {

    private final RouteLocator routes;
    private final LoadBalancerClientFactory balancers;
    private volatile boolean servedOnce;

    EveryRouteServed(RouteLocator routes, LoadBalancerClientFactory balancers) {
        this.routes = routes;
        this.balancers = balancers;
    }

    @Override
    public Mono<Health> health() {
        return routes.getRoutes()
                .filter(route -> "lb".equals(route.getUri().getScheme()))
                .map(route -> route.getUri().getHost())
                .distinct()
                .flatMap(service -> readyCount(service).map(count -> Map.entry(service, count)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(this::health);
    }

    private Mono<Integer> readyCount(String service) {
        ServiceInstanceListSupplier instances = balancers.getInstance(service, ServiceInstanceListSupplier.class);
        return instances.get().next().map(List::size).defaultIfEmpty(0);
    }

    private Health health(Map<String, Integer> readyInstances) {
        boolean everyServiceServed = readyInstances.values().stream().allMatch(count -> count > 0);
        servedOnce |= everyServiceServed;
        Health.Builder health = everyServiceServed || servedOnce ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
        return health.withDetail("readyInstances", readyInstances).build();
    }
}
