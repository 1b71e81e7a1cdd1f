package com.healthcontent.messaging.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a delivered event sits in its topic. Events of one key arrive in offset order on one partition, replays
 * after a crash included, so an effect that is not idempotent by itself (adding to a count) can be made so by
 * keeping, next to the effect and in the same write, the position of the last event applied.
 */
public record EventPosition(String topic, int partition, long offset) {

    static EventPosition of(ConsumerRecord<?, ?> record) {
        return new EventPosition(record.topic(), record.partition(), record.offset());
    }
}
