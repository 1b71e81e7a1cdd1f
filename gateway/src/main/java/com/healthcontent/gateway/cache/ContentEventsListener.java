package com.healthcontent.gateway.cache;

import com.healthcontent.events.Topics;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * Tells this gateway instance's {@link EdgeCache} that content changed: every instance reads
 * {@code article.events} and {@code exercise.events} in a consumer group of its own, from the newest record on, and
 * drops its content entries on each poll that brings any. It never commits offsets (a restarted instance starts
 * with an empty cache, so it has nothing to catch up on), so the group leaves nothing behind in Kafka.
 */
public class ContentEventsListener implements SmartLifecycle {

    private final KafkaMessageListenerContainer<byte[], byte[]> container;

    public ContentEventsListener(String bootstrapServers, EdgeCache cache) {
        String group = "gateway-edge-cache-" + UUID.randomUUID();
        var consumers = new DefaultKafkaConsumerFactory<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                10_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        ContainerProperties properties = new ContainerProperties(Topics.ARTICLE_EVENTS, Topics.EXERCISE_EVENTS);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setMessageListener((BatchAcknowledgingMessageListener<byte[], byte[]>) (records, never) -> {
            if (!records.isEmpty()) {
                cache.contentChanged();
            }
        });
        this.container = new KafkaMessageListenerContainer<>(consumers, properties);
        this.container.setBeanName(group);
    }

    /** Whether this instance has its partitions, i.e. whether it hears of changes now. */
    public boolean isListening() {
        return container.isRunning() && !container.getAssignedPartitions().isEmpty();
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
