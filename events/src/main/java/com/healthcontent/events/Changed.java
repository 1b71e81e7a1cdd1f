package com.healthcontent.events;

import java.util.ArrayList;
import java.util.List;

/**
 * What a domain step returns: the aggregate's new state and the events the step raised (none for a step other
 * services need not hear of). Both are stored in one write, so a change is never stored without its events, nor an
 * event sent for a change that was not stored.
 */
public record Changed<T>(T aggregate, List<IntegrationEvent> events) {

    public Changed {
        events = List.copyOf(events);
    }

    public static <T> Changed<T> of(T aggregate, IntegrationEvent... events) {
        return new Changed<>(aggregate, List.of(events));
    }

    /** One more event of the same step. */
    public Changed<T> and(IntegrationEvent event) {
        List<IntegrationEvent> all = new ArrayList<>(events);
        all.add(event);
        return new Changed<>(aggregate, all);
    }
}
