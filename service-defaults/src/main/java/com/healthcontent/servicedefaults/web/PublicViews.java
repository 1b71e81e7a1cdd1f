package com.healthcontent.servicedefaults.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * @param size   views held at most; 0 turns holding off
     * @param expiry how long a view is held at most, should the event that drops it never arrive
     */
    public record Settings(long size, Duration expiry) {}

    public PublicViews(String name, Settings settings, MeterRegistry meterRegistry) {
        this.off = settings.size() == 0;
        this.views = Caffeine.newBuilder()
                .maximumSize(settings.size())
                .expireAfterWrite(settings.expiry())
                .recordStats()
                .build();
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
}
