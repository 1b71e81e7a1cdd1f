package com.healthcontent.gateway.instances;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's instances whose readiness probe answers 200, probed in rounds: one every {@code interval}, and one at
 * once when a request finds no instance known to be ready. Spring Cloud's periodic health check alone refused every
 * request between an instance becoming ready and its next round ("No servers available", a 503): the demo loader's
 * first write met that window after every process had said it was ready. A request that finds the service
 * unserved now waits for one round (at most {@code interval}) instead; requests arriving meanwhile share that round,
 * so a service that is really down costs one probe per instance at a time, not one per request.
 */
final class ReadyInstances implements ServiceInstanceListSupplier, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadyInstances.class);

    private final ServiceInstanceListSupplier discovered;
    private final WebClient probes;
    private final String probePath;
    private final Duration interval;
    private final AtomicReference<CompletableFuture<List<ServiceInstance>>> roundInFlight = new AtomicReference<>();
    private volatile List<ServiceInstance> ready = List.of();
    private Disposable rounds;

    ReadyInstances(ServiceInstanceListSupplier discovered, WebClient probes, String probePath, Duration interval) {
        this.discovered = discovered;
        this.probes = probes;
        this.probePath = probePath;
        this.interval = interval;
    }

    @Override
    public String getServiceId() {
        return discovered.getServiceId();
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        List<ServiceInstance> known = ready;
        return known.isEmpty() ? round().flux() : Flux.just(known);
    }

    @Override
    public void afterPropertiesSet() {
        rounds = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> round().onErrorResume(error -> Mono.empty()), 1)
                .subscribe();
    }

    @Override
    public void destroy() {
        if (rounds != null) {
            rounds.dispose();
        }
    }

    /** The round of probes under way, or a new one: every instance discovery lists now, probed at once. */
    Mono<List<ServiceInstance>> round() {
        CompletableFuture<List<ServiceInstance>> mine = new CompletableFuture<>();
        CompletableFuture<List<ServiceInstance>> running = roundInFlight.compareAndExchange(null, mine);
        if (running != null) {
            return Mono.fromFuture(running, true);
        }
        discovered
                .get()
                .next()
                .defaultIfEmpty(List.of())
                .flatMap(instances -> Flux.fromIterable(instances)
                        .flatMapSequential(instance ->
                                isReady(instance).filter(Boolean::booleanValue).map(yes -> instance))
                        .collectList())
                .subscribe(found -> finish(mine, found), failure -> {
                    roundInFlight.set(null);
                    mine.completeExceptionally(failure);
                });
        return Mono.fromFuture(mine, true);
    }

    private void finish(CompletableFuture<List<ServiceInstance>> round, List<ServiceInstance> found) {
        List<ServiceInstance> before = ready;
        ready = List.copyOf(found);
        roundInFlight.set(null);
        if (before.size() != found.size()) {
            log.info(
                    "{}: {} instance(s) ready {}",
                    getServiceId(),
                    found.size(),
                    found.stream().map(ServiceInstance::getUri).toList());
        }
        round.complete(ready);
    }

    private Mono<Boolean> isReady(ServiceInstance instance) {
        return probes.get()
                .uri(instance.getUri().resolve(probePath))
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value() == 200))
                .timeout(interval)
                .onErrorReturn(false);
    }
}
