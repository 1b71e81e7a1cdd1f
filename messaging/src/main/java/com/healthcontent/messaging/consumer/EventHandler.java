package com.healthcontent.messaging.consumer;

import com.healthcontent.events.EventType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a bean as the handler of integration events of the given types: the messaging module subscribes
 * to their topics, deduplicates on the event id, retries a failure and dead-letters what keeps failing. The first
 * parameter is the event's data (its record, or a supertype shared by all the types); an {@code EventEnvelope} and
 * an {@link EventPosition} parameter may follow, in any order.
 *
 * <p>Handlers should still be idempotent in effect (upserts, unique keys): an effect and its dedupe record are two
 * writes, and a crash between them replays the event. An effect that is not idempotent by nature (adding to a count)
 * keeps the event's {@link EventPosition} in the same write and applies only to later positions.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventHandler {

    /** A consumer group of the instance's own for a pipeline that every instance must see (see {@link #pipeline}). */
    String BROADCAST = "broadcast";

    EventType[] value();

    /**
     * The consumer group's suffix: empty for the service's main group ({@code spring.application.name}); a name for
     * a pipeline of its own (group {@code <service>-<name>}), which then never waits on the main group's work;
     * {@link #BROADCAST} for a group per instance that sees only new events (every instance gets every event, e.g.
     * to push to the clients connected to it), without deduplication; {@code broadcast-<name>} for another such group,
     * when a second feature of every instance handles the same events (each group has one handler per event type).
     */
    String pipeline() default "";

    /**
     * Whether an event this method passes over leaves no trace in its group: a SpEL expression on the event's data
     * (e.g. {@code reason() != null}). Without a database round trip for the events it does not want, a pipeline
     * that acts on a few events of a busy topic (problem reports among reader votes) keeps up with the topic at the
     * cost of reading it.
     */
    String condition() default "";

    /**
     * Whether the dispatcher keeps a record of each event handled and skips one it handled before. Only a handler
     * whose effect tolerates a repeat says no (a signal such as the helpfulness-drop window): under a vote burst those
     * records are one database write per vote and group. A position guard is not enough to say no: the outbox relay
     * sends an event again after a failure it cannot tell from a loss, and the copy has a position of its own.
     */
    boolean deduplicated() default true;
}
