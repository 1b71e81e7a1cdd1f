package com.healthcontent.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's Kafka listener containers, one per consumer group: the service's main group, one per named pipeline,
 * and a group of this instance's own for broadcast handlers. They are made when the context starts, once every bean
 * and so every {@link EventHandler} method exists, and are started and stopped together.
 */
public class IntegrationEventListeners implements SmartLifecycle {

    private final EventHandlerMethods handlerMethods;
    private final ConcurrentKafkaListenerContainerFactory<Object, Object> factory;
    private final ProcessedEvents processedEvents;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meterRegistry;
    private final ObservationRegistry observationRegistry;
    private final String serviceName;
    private volatile List<ConcurrentMessageListenerContainer<Object, Object>> containers = List.of();

    public IntegrationEventListeners(
            EventHandlerMethods handlerMethods,
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory,
            ProcessedEvents processedEvents,
            JsonMapper jsonMapper,
            MeterRegistry meterRegistry,
            ObservationRegistry observationRegistry,
            String serviceName) {
        this.handlerMethods = handlerMethods;
        this.factory = factory;
        this.processedEvents = processedEvents;
        this.jsonMapper = jsonMapper;
        this.meterRegistry = meterRegistry;
        this.observationRegistry = observationRegistry;
        this.serviceName = serviceName;
    }

    public List<ConcurrentMessageListenerContainer<Object, Object>> containers() {
        return containers;
    }

    @Override
    public synchronized void start() {
        if (containers.isEmpty()) {
            containers = createContainers();
        }
        containers.forEach(ConcurrentMessageListenerContainer::start);
    }

    private List<ConcurrentMessageListenerContainer<Object, Object>> createContainers() {
        Map<String, List<IntegrationEventHandler<?>>> byPipeline = new LinkedHashMap<>();
        handlerMethods
                .handlers()
                .forEach(handler -> byPipeline
                        .computeIfAbsent(handler.pipeline(), p -> new ArrayList<>())
                        .add(handler));
        List<ConcurrentMessageListenerContainer<Object, Object>> created = new ArrayList<>();
        byPipeline.forEach((pipeline, members) -> {
            boolean broadcast =
                    pipeline.equals(EventHandler.BROADCAST) || pipeline.startsWith(EventHandler.BROADCAST + "-");
            String group = pipeline.isEmpty()
                    ? serviceName
                    : broadcast ? serviceName + "-" + pipeline + "-" + UUID.randomUUID() : serviceName + "-" + pipeline;
            IntegrationEventDispatcher dispatcher = new IntegrationEventDispatcher(
                    group, !broadcast, members, processedEvents, jsonMapper, meterRegistry, observationRegistry);
            ConcurrentMessageListenerContainer<Object, Object> container =
                    factory.createContainer(dispatcher.topics().toArray(String[]::new));
            container.getContainerProperties().setGroupId(group);
            if (broadcast) {
                Properties latest = new Properties();
                latest.put("auto.offset.reset", "latest");
                container.getContainerProperties().setKafkaConsumerProperties(latest);
            }
            container.setBeanName("events-" + group);
            container.setupMessageListener(dispatcher);
            created.add(container);
        });
        return List.copyOf(created);
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
