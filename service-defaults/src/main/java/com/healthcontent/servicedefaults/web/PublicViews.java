package com.healthcontent.servicedefaults.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.servicedefaults.events.EventPosition;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The public views of one service held ready on this instance, so a read is one map lookup. Whatever a view shows
 * can change through an event (the content itself, a linked article, an exercise card, a reviewer's credentials);
 * every instance drops all its views on any such event ({@link #invalidateAll}) and builds each again on its next
 * read. A view built while an invalidation happened is not kept, since it may have been read from the data before
 * the change. The expiry only bounds staleness should an event never arrive.
 */
public final class PublicViews {

    private final Cache<String, Representation> views;
    private final AtomicLong generation = new AtomicLong();
    /** Size 0: every read builds its view (benchmarks measure what the store fronts this way). */
    private final boolean off;

    public PublicViews(String name, long maximumSize, Duration expiry, MeterRegistry meterRegistry) {
        this.off = maximumSize == 0;
        this.views = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expiry).recordStats().build();
        CaffeineCacheMetrics.monitor(meterRegistry, views, name);
    }

    /** The view under {@code key}, built by {@code build} on a miss; what {@code build} throws is not cached. */
    public Representation get(String key, Supplier<Representation> build) {
        if (off) {
            return build.get();
        }
        Representation held = views.getIfPresent(key);
        if (held != null) {
            return held;
        }
        long before = generation.get();
        Representation built = build.get();
        if (generation.get() == before) {
            views.put(key, built);
            if (generation.get() != before) {
                views.asMap().remove(key, built);
            }
        }
        return built;
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        views.invalidateAll();
    }

    /** On every instance, each event of this type drops the views. */
    public IntegrationEventHandler<Object> refreshOn(EventType type) {
        return refreshOn(type, Object.class, data -> { });
    }

    /**
     * On every instance, each event of this type first updates what the views are built from ({@code applyFirst},
     * which must be idempotent: the service's own consumer group applies the same event too, durably) and then
     * drops the views, so none is rebuilt from the data before the event.
     */
    public <T> IntegrationEventHandler<T> refreshOn(EventType type, Class<T> dataType, Consumer<T> applyFirst) {
        return new IntegrationEventHandler<>() {
            @Override
            public EventType type() {
                return type;
            }

            @Override
            public void handle(T data, EventEnvelope envelope, EventPosition position) {
                applyFirst.accept(data);
                invalidateAll();
            }

            @Override
            public String pipeline() {
                return BROADCAST;
            }
        };
    }
}
