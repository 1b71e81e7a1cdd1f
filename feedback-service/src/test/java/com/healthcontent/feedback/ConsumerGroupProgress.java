package com.healthcontent.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where a consumer group has got to on a topic, as the broker has it: to know a group has handled what is there. */
public final class ConsumerGroupProgress {

    private ConsumerGroupProgress() {}

    /** Returns once {@code group} has committed past everything on {@code topic} now, in every partition. */
    public static void awaitCommittedThroughTheEnd(Admin admin, String group, String topic)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .collect(Collectors.toMap(
                                partition -> new TopicPartition(topic, partition.partition()),
                                partition -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, end -> end.getValue().offset()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            ends.forEach((partition, end) -> {
                if (end > 0) {
                    assertThat(committed.get(partition))
                            .as("%s committed on %s", group, partition)
                            .isNotNull();
                    assertThat(committed.get(partition).offset()).isGreaterThanOrEqualTo(end);
                }
            });
        });
    }
}
