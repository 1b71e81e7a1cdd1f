package com.healthcontent.servicedefaults.events;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;

/**
 * Handles one type of integration event. A service declares these as beans; service-defaults subscribes to
 * their topics, deduplicates on the event id, retries failures and dead-letters what keeps failing.
 * Handlers should still be idempotent in effect (upserts, unique keys): an effect and its dedupe record are
 * two writes, and a crash between them replays the event.
 */
public interface IntegrationEventHandler<T> {

    EventType type();

    void handle(T data, EventEnvelope envelope);
}
