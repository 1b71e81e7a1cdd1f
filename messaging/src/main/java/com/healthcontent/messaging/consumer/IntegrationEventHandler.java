package com.healthcontent.messaging.consumer;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;

/**
 * One type of integration event as the dispatcher hands it to a handler. Services do not implement this: they mark
 * methods with {@link EventHandler} (and {@link EndOfPoll}), which {@link EventHandlerMethods} turns into these.
 */
public interface IntegrationEventHandler<T> {

    EventType type();

    /** {@code position}: where the event was on its topic, for effects that must apply once (see EventPosition). */
    void handle(T data, EventEnvelope envelope, EventPosition position);

    /** See {@link EventHandler#condition()}. */
    default boolean wants(T data) {
        return true;
    }

    /** See {@link EventHandler#deduplicated()}. */
    default boolean deduplicated() {
        return true;
    }

    /** See {@link EndOfPoll}. */
    default void endOfBatch() {}

    /** See {@link EventHandler#pipeline()}. */
    default String pipeline() {
        return "";
    }
}
