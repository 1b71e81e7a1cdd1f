package com.healthcontent.servicedefaults.events;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Handles one type of integration event. A service declares these as beans; service-defaults subscribes to
 * their topics, deduplicates on the event id, retries failures and dead-letters what keeps failing.
 * Handlers should still be idempotent in effect (upserts, unique keys): an effect and its dedupe record are
 * two writes, and a crash between them replays the event. An effect that is not idempotent by nature (adding to a
 * count) keeps the event's {@link EventPosition} in the same write and applies only to later positions.
 */
public interface IntegrationEventHandler<T> {

    /** A consumer group of the service's own for a pipeline that must not wait on the others. */
    String BROADCAST = "broadcast";

    EventType type();

    /** {@code position}: where the event was on its topic, for effects that must apply once (see EventPosition). */
    void handle(T data, EventEnvelope envelope, EventPosition position);

    /**
     * Whether this handler acts on this event at all. Events it passes over leave no trace in its group (no dedupe
     * lookup or record), so a pipeline that acts on a few events of a busy topic (problem reports among reader votes)
     * keeps up with the topic at the cost of reading it.
     */
    default boolean wants(T data) {
        return true;
    }

    /**
     * Whether the dispatcher keeps a record of each event this handler handled and skips one it handled before. Only
     * a handler whose effect tolerates a repeat says no (a signal such as the helpfulness-drop window): under a vote
     * burst those records are one database write per vote and group. A position guard is not enough to say no: the
     * outbox relay sends an event again after a failure it cannot tell from a loss, and the copy has a position of
     * its own (RobustnessIT counted votes twice when the summaries went without records).
     */
    default boolean deduplicated() {
        return true;
    }

    /**
     * Called on the consumer's thread once this handler has had the events of a poll, before they are recorded as
     * handled: a handler that gathers its effects per poll (one write per item rather than one per event) writes
     * them here. What it throws fails the whole poll, which is delivered again.
     */
    default void endOfBatch() {
    }

    /**
     * The consumer group's suffix: empty for the service's main group ({@code spring.application.name}); a name for
     * a pipeline of its own (group {@code <service>-<name>}), which then never waits on the main group's work;
     * {@link #BROADCAST} for a group per instance that sees only new events (every instance gets every event, e.g.
     * to push to the clients connected to it), without deduplication.
     */
    default String pipeline() {
        return "";
    }

    static <T> IntegrationEventHandler<T> of(EventType type, Class<T> dataType, Consumer<T> action) {
        return of(type, dataType, "", (data, envelope) -> action.accept(data));
    }

    /** A handler of the main group whose effect guards itself by the event's position. */
    static <T> IntegrationEventHandler<T> inOrder(EventType type, Class<T> dataType,
            BiConsumer<T, EventPosition> action) {
        return handler(type, dataType, "", (data, envelope, position) -> action.accept(data, position), () -> { });
    }

    /**
     * A handler of the main group that gathers its effect while a poll's events arrive ({@code gather}, on the
     * consumer's thread) and writes what it gathered at the poll's end ({@code write}).
     */
    static <T> IntegrationEventHandler<T> gathering(EventType type, Class<T> dataType,
            BiConsumer<T, EventPosition> gather, Runnable write) {
        return handler(type, dataType, "", (data, envelope, position) -> gather.accept(data, position), write);
    }

    /** A handler in a pipeline of its own that also needs the envelope (e.g. its id, to make one effect per event). */
    static <T> IntegrationEventHandler<T> of(EventType type, Class<T> dataType, String pipeline,
            BiConsumer<T, EventEnvelope> action) {
        return handler(type, dataType, pipeline, (data, envelope, position) -> action.accept(data, envelope),
                () -> { });
    }

    /** What a handler does with an event, its envelope and its position. */
    @FunctionalInterface
    interface Action<T> {
        void apply(T data, EventEnvelope envelope, EventPosition position);
    }

    private static <T> IntegrationEventHandler<T> handler(EventType type, Class<T> dataType, String pipeline,
            Action<T> action, Runnable endOfBatch) {
        if (!type.dataType().equals(dataType)) {
            throw new IllegalArgumentException(type + " carries " + type.dataType().getSimpleName());
        }
        return new IntegrationEventHandler<>() {
            @Override
            public EventType type() {
                return type;
            }

            @Override
            public void handle(T data, EventEnvelope envelope, EventPosition position) {
                action.apply(data, envelope, position);
            }

            @Override
            public String pipeline() {
                return pipeline;
            }

            @Override
            public void endOfBatch() {
                endOfBatch.run();
            }
        };
    }
}
