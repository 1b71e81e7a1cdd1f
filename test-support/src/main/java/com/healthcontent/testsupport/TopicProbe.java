package com.healthcontent.testsupport;

import static org.awaitility.Awaitility.await;

import com.healthcontent.events.EventEnvelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Watches a topic from the moment it is opened (earlier records are not seen, unless opened
 * {@link #fromBeginning}) and publishes records to the broker, for tests that check what a service published or feed
 * it events as another service would.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic, boolean fromBeginning) {
        Properties consumerProps = new Properties();
        consumerProps.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(10)));
        Properties producerProps = new Properties();
        producerProps.putAll(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"));
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    }

    public static TopicProbe open(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, false);
    }

    /** Sees every record the topic holds, also those written before it was opened. */
    public static TopicProbe fromBeginning(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, true);
    }

    /** All records seen so far, after reading what has arrived. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return List.copyOf(records);
    }

    /**
     * The records read as CloudEvents by the CloudEvents SDK itself, not by the platform's own binding: what a
     * consumer in another language would read.
     */
    public List<EventEnvelope> events() {
        return records().stream().map(TopicProbe::asEvent).toList();
    }

    private static EventEnvelope asEvent(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        return new EventEnvelope(
                event.getId(),
                event.getSource().toString(),
                event.getType(),
                event.getSubject(),
                event.getTime().toInstant(),
                record.key(),
                record.topic(),
                event.getData().toBytes());
    }

    /** Waits (up to 15 s) for an event that matches, and returns it. */
    public EventEnvelope awaitEvent(Predicate<EventEnvelope> matching) {
        return await().atMost(15, TimeUnit.SECONDS)
                .until(() -> events().stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    public void publish(EventEnvelope envelope) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(envelope.id())
                    .withSource(URI.create(envelope.source()))
                    .withType(envelope.type())
                    .withSubject(envelope.subject())
                    .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                    .withDataContentType(EventEnvelope.CONTENT_TYPE)
                    .withData(envelope.data())
                    .build();
            producer.send(KafkaMessageFactory.createWriter(envelope.topic(), envelope.key())
                            .writeBinary(event))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish test event", e);
        }
    }

    public void publishRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish test record", e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
