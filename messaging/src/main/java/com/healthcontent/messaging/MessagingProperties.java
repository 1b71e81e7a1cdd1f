package com.healthcontent.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("platform.events")
/** @param healthTimeout how long the broker may take to answer the health check */
public record MessagingProperties(
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue("3s") Duration healthTimeout) {

    /**
     * @param pollInterval how often the relay looks for events a crashed instance left behind (an instance also
     *                     looks when it starts, and after a failure): on MongoDB a sparse index makes a look cheap,
     *                     but the local stack's wire server has no secondary indexes and reads the whole collection,
     *                     holding it for seconds once a hundred thousand votes are stored (votes waited behind a
     *                     look every 10 s, and a long read failed when H2 compacted the chunks under it)
     * @param sendTimeout  how long one publish may wait for the broker's acknowledgement
     * @param batchSize    aggregates read per query
     */
    public record Outbox(
            @DefaultValue("1m") Duration pollInterval,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("100") int batchSize) {}

    /**
     * @param attempts      deliveries of a failing event before it goes to the dead-letter topic
     * @param retryInterval pause between those deliveries
     * @param dedupeRetention how long a handled event's id is kept to recognise it again: longer than the topics
     *                        keep records (Kafka's default 7 days), since a consumer reset can replay that far
     */
    public record Consumer(
            @DefaultValue("4") int attempts,
            @DefaultValue("500ms") Duration retryInterval,
            @DefaultValue("8d") Duration dedupeRetention) {}
}
