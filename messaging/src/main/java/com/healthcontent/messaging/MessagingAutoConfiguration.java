package com.healthcontent.messaging;

import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.Topics;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.messaging.consumer.EventHandlerMethods;
import com.healthcontent.messaging.consumer.IntegrationEventListeners;
import com.healthcontent.messaging.consumer.ProcessedEvents;
import com.healthcontent.messaging.outbox.Outbox;
import com.healthcontent.messaging.outbox.OutboxEvent;
import com.healthcontent.messaging.outbox.OutboxRelay;
import com.healthcontent.servicedefaults.ServiceDefaultsAutoConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing through the outbox and consuming with deduplication and dead-lettering, the same way in every
 * service that depends on this module. A service marks the aggregates whose steps raise events with
 * {@link PublishesEvents} and stores them through the {@link Outbox} (their documents keep an {@code outbox} list of
 * {@link OutboxEvent}), and marks its handlers with {@link EventHandler}.
 */
@AutoConfiguration(after = ServiceDefaultsAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    Outbox outbox(
            MongoTemplate mongoTemplate,
            OutboxRelay relay,
            ApplicationEventPublisher publisher,
            JsonMapper jsonMapper,
            @Value("${spring.application.name}") String serviceName,
            Clock clock,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new Outbox(
                mongoTemplate,
                relay,
                publisher,
                jsonMapper,
                serviceName,
                clock,
                tracer.getIfAvailable(),
                propagator.getIfAvailable());
    }

    /** The collections whose documents carry an outbox: those of the mapped aggregates that publish events. */
    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongoTemplate,
            KafkaTemplate<String, byte[]> kafkaTemplate,
            MessagingProperties properties,
            MeterRegistry meterRegistry) {
        List<String> collections = mongoTemplate.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> entity.isAnnotationPresent(PublishesEvents.class))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .toList();
        MessagingProperties.Outbox outbox = properties.outbox();
        OutboxRelay relay = new OutboxRelay(
                mongoTemplate,
                kafkaTemplate,
                collections,
                outbox.pollInterval(),
                outbox.sendTimeout(),
                outbox.batchSize());
        Gauge.builder("platform.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events stored in outboxes and not yet acknowledged by Kafka")
                .register(meterRegistry);
        Gauge.builder("platform.outbox.oldest.age", relay, OutboxRelay::oldestPendingAgeSeconds)
                .baseUnit("seconds")
                .description("How long the oldest unpublished event has waited")
                .register(meterRegistry);
        return relay;
    }

    /** A plain save would replace the document and drop the events still waiting in its outbox. */
    @Bean
    AbstractMongoEventListener<Object> plainSavesOfPublishersRefused() {
        return new AbstractMongoEventListener<>() {
            @Override
            public void onBeforeConvert(BeforeConvertEvent<Object> event) {
                if (event.getSource().getClass().isAnnotationPresent(PublishesEvents.class)) {
                    throw new IllegalStateException(event.getSource().getClass().getSimpleName()
                            + " publishes events: store it through the Outbox, with the events of its change");
                }
            }
        };
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongoTemplate, Clock clock, MessagingProperties properties) {
        return new ProcessedEvents(mongoTemplate, clock, properties.consumer().dedupeRetention());
    }

    /** Retries a failing event a bounded number of times, then parks it on {@code <topic>.DLT}, same partition. */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, byte[]> kafkaTemplate, MessagingProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                kafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        MessagingProperties.Consumer consumer = properties.consumer();
        DefaultErrorHandler handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(consumer.retryInterval().toMillis(), Math.max(0, consumer.attempts() - 1)));
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }

    /** Static: it must see every bean being created, its own configuration's included. */
    @Bean
    static EventHandlerMethods eventHandlerMethods() {
        return new EventHandlerMethods();
    }

    @Bean
    IntegrationEventListeners integrationEventListeners(
            EventHandlerMethods handlerMethods,
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory,
            ProcessedEvents processedEvents,
            JsonMapper jsonMapper,
            MeterRegistry meterRegistry,
            ObjectProvider<ObservationRegistry> observationRegistry,
            @Value("${spring.application.name}") String serviceName) {
        return new IntegrationEventListeners(
                handlerMethods,
                factory,
                processedEvents,
                jsonMapper,
                meterRegistry,
                observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
                serviceName);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafkaProperties, MessagingProperties properties) {
        return new KafkaHealthIndicator(kafkaProperties.buildAdminProperties(), properties.healthTimeout());
    }
}
