package com.healthcontent.servicedefaults.events;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import java.util.function.Consumer;

/**
 * Handles one type of integration event. A service declares these as beans; service-defaults subscribes to
 * their topics, deduplicates on the event id, retries failures and dead-letters what keeps failing.
 * Handlers should still be idempotent in effect (upserts, unique keys): an effect and its dedupe record are
 * two writes, and a crash between them replays the event.
 */
public interface IntegrationEventHandler<T> {

    EventType type();

    void handle(T data, EventEnvelope envelope);

    static <T> IntegrationEventHandler<T> of(EventType type, Class<T> dataType, Consumer<T> action) {
        if (!type.dataType().equals(dataType)) {
            throw new IllegalArgumentException(type + " carries " + type.dataType().getSimpleName());
        }
        return new IntegrationEventHandler<>() {
            @Override
            public EventType type() {
                return type;
            }

            @Override
            public void handle(T data, EventEnvelope envelope) {
                action.accept(data);
            }
        };
    }
}
