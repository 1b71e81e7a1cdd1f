package com.healthcontent.servicedefaults.events;

import com.healthcontent.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing through the outbox and consuming with deduplication and dead-lettering, the same way in every
 * service. A service only keeps an {@code outbox} list of {@link OutboxEvent} in its aggregate documents and
 * declares {@link IntegrationEventHandler} beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

    @Bean
    IntegrationEvents integrationEvents(JsonMapper jsonMapper, @Value("${spring.application.name}") String serviceName,
            Clock clock, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new IntegrationEvents(jsonMapper, serviceName, clock, tracer.getIfAvailable(),
                propagator.getIfAvailable());
    }

    /** The collections whose documents carry an outbox, found from the mapped aggregates. */
    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongoTemplate, KafkaTemplate<String, byte[]> kafkaTemplate,
            EventsProperties properties, MeterRegistry meterRegistry) {
        List<String> collections = mongoTemplate.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> entity.getPersistentProperty(OutboxRelay.OUTBOX_FIELD) != null)
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .toList();
        EventsProperties.Outbox outbox = properties.outbox();
        OutboxRelay relay = new OutboxRelay(mongoTemplate, kafkaTemplate, collections, outbox.pollInterval(),
                outbox.sendTimeout(), outbox.batchSize());
        Gauge.builder("platform.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events stored in outboxes and not yet acknowledged by Kafka")
                .register(meterRegistry);
        Gauge.builder("platform.outbox.oldest.age", relay, OutboxRelay::oldestPendingAgeSeconds)
                .baseUnit("seconds").description("How long the oldest unpublished event has waited")
                .register(meterRegistry);
        return relay;
    }

    @Bean
    AbstractMongoEventListener<Object> outboxWakeUp(ObjectProvider<OutboxRelay> relay) {
        return new AbstractMongoEventListener<>() {
            @Override
            public void onAfterSave(AfterSaveEvent<Object> event) {
                Document document = event.getDocument();
                List<Document> events = document == null ? List.of()
                        : document.getList(OutboxRelay.OUTBOX_FIELD, Document.class, List.of());
                if (!events.isEmpty()) {
                    relay.ifAvailable(r -> r.enqueue(event.getCollectionName(), document.get("_id"), events));
                }
            }
        };
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongoTemplate, Clock clock, EventsProperties properties) {
        return new ProcessedEvents(mongoTemplate, clock, properties.consumer().dedupeRetention());
    }

    /** Retries a failing event a bounded number of times, then parks it on {@code <topic>.DLT}, same partition. */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate,
            EventsProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        EventsProperties.Consumer consumer = properties.consumer();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(consumer.retryInterval().toMillis(), Math.max(0, consumer.attempts() - 1)));
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }

    /**
     * One listener container per consumer group: the service's main group, one per named pipeline, and a group of
     * this instance's own for broadcast handlers. Each is a lifecycle bean, started and stopped with the context.
     */
    @Bean
    @ConditionalOnBean(IntegrationEventHandler.class)
    IntegrationEventListeners integrationEventListeners(List<IntegrationEventHandler<?>> handlers,
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory, ProcessedEvents processedEvents,
            JsonMapper jsonMapper, MeterRegistry meterRegistry, ObjectProvider<ObservationRegistry> observationRegistry,
            @Value("${spring.application.name}") String serviceName) {
        Map<String, List<IntegrationEventHandler<?>>> byPipeline = new LinkedHashMap<>();
        handlers.forEach(handler -> byPipeline.computeIfAbsent(handler.pipeline(), p -> new ArrayList<>()).add(handler));
        List<ConcurrentMessageListenerContainer<Object, Object>> containers = new ArrayList<>();
        byPipeline.forEach((pipeline, members) -> {
            boolean broadcast = IntegrationEventHandler.BROADCAST.equals(pipeline);
            String group = pipeline.isEmpty() ? serviceName
                    : broadcast ? serviceName + "-broadcast-" + UUID.randomUUID() : serviceName + "-" + pipeline;
            IntegrationEventDispatcher dispatcher = new IntegrationEventDispatcher(group, !broadcast, members,
                    processedEvents, jsonMapper, meterRegistry,
                    observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
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
            containers.add(container);
        });
        return new IntegrationEventListeners(containers);
    }
}
