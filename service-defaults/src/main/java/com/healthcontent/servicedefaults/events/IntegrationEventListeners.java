package com.healthcontent.servicedefaults.events;

import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** The service's Kafka listener containers, one per consumer group, started and stopped together. */
public class IntegrationEventListeners implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<Object, Object>> containers;

    IntegrationEventListeners(List<ConcurrentMessageListenerContainer<Object, Object>> containers) {
        this.containers = List.copyOf(containers);
    }

    public List<ConcurrentMessageListenerContainer<Object, Object>> containers() {
        return containers;
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
    }

    /** Consumers stop (and commit) before the web server and the outbox relay, so nothing is half-handled. */
    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
