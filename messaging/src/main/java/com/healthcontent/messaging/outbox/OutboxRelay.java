package com.healthcontent.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate documents (their {@code outbox} array) to Kafka, oldest first per
 * aggregate, and removes them only after the broker acknowledged them. While the broker is down events stay
 * in MongoDB and go out when it is back: nothing is lost; an event can go out twice (broker acked, removal
 * failed), which is why every consumer deduplicates on the event id.
 *
 * <p>Two paths. The fast one: every save that leaves events behind hands them to {@link #enqueue} and the relay
 * thread sends what has queued up as one batch (all records in flight at once, then one bulk removal), so a busy
 * service pays a few round trips per batch instead of a send and a removal per event, and never searches for
 * its own fresh events. A batch's removal runs on a thread of its own while the next batch is sent, so a slow
 * MongoDB (removing a few hundred events under a vote burst) does not hold up the send of an event saved meanwhile;
 * at most one removal is outstanding, so they never pile up. The scan: at start, after any failure, on
 * {@link #drain()} and every poll interval for events older than that interval (left by a crashed instance), it
 * reads the collections for stored events.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    public static final String OUTBOX_FIELD = "outbox";
    /** What the scans, the gauges and their sparse index look at: only documents with events waiting have it. */
    private static final String PENDING_SINCE = OUTBOX_FIELD + ".time";
    /** Events taken from the queue per batch: bounds the records in flight and the size of one bulk write. */
    private static final int FRESH_BATCH = 1000;
    /** Ids sent lately, so an event both queued and found by a scan is not sent twice by this instance. */
    private static final int RECENTLY_SENT = 20_000;
    /** How soon events that failed to go out are tried again. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    /** Events of one aggregate, as the save that wrote them left them. */
    private record Pending(String collection, Object aggregateId, List<Document> events) {}

    private final MongoTemplate mongoTemplate;
    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final int batchSize;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Queue<Pending> fresh = new ConcurrentLinkedQueue<>();
    private final Set<Object> recentlySent = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
            return size() > RECENTLY_SENT;
        }
    });
    private volatile boolean scanNeeded = true;
    private volatile ScheduledExecutorService executor;
    /** Removes acknowledged events from their outboxes, one batch at a time, behind the sends. */
    private volatile ExecutorService remover;
    /** The removal of the last batch sent, which the next removal (or a scan, or a drain) waits for. */
    private CompletableFuture<Void> removing = CompletableFuture.completedFuture(null);

    public OutboxRelay(
            MongoTemplate mongoTemplate,
            KafkaTemplate<String, byte[]> kafkaTemplate,
            List<String> collections,
            Duration pollInterval,
            Duration sendTimeout,
            int batchSize) {
        this.mongoTemplate = mongoTemplate;
        this.kafkaTemplate = kafkaTemplate;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
    }

    public List<String> collections() {
        return collections;
    }

    /**
     * Sends these events now, on the caller's thread, and waits for the broker (at most the send timeout): false if
     * any was not acknowledged, and then the caller keeps them. For events that never were in an outbox
     * ({@link Outbox#insertAllAndPublish}).
     */
    boolean sendNow(List<OutboxEvent> events) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        try {
            events.forEach(event -> sends.add(kafkaTemplate.send(event.toProducerRecord())));
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) { // the broker unknown (no metadata in time), refused, or too slow
            log.warn("Events not acknowledged by Kafka, kept in their outboxes for the relay: {}", e.toString());
            return false;
        }
    }

    /** Hands over the events a write just added to an aggregate's outbox (as stored) and asks for a run. */
    public void enqueue(String collection, Object aggregateId, List<Document> events) {
        if (collections.contains(collection) && !events.isEmpty()) {
            fresh.add(new Pending(collection, aggregateId, List.copyOf(events)));
            wakeUp();
        }
    }

    /** Asks for a run now; runs requested while one is queued collapse into it. */
    private void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && scheduled.compareAndSet(false, true)) {
            current.execute(this::runSafely);
        }
    }

    /**
     * Publishes everything stored now, whatever its age; returns how many events went out. Also used by tests and at
     * shutdown. The queue is dropped first: the scan finds all of it.
     */
    public synchronized int drain() {
        fresh.clear();
        awaitRemoval();
        int published = scan(null);
        if (published >= 0) {
            scanNeeded = false;
        }
        return Math.max(published, 0);
    }

    /** How long the oldest event has waited, in seconds (0 when none waits): a stuck relay shows here first. */
    public double oldestPendingAgeSeconds() {
        Instant oldest = null;
        for (String collection : collections) {
            for (Document doc : pendingOutboxes(collection)) {
                for (Document event : doc.getList(OUTBOX_FIELD, Document.class, List.of())) {
                    Object time = event.get("time");
                    Instant at = time instanceof Date date ? date.toInstant() : null;
                    if (at != null && (oldest == null || at.isBefore(oldest))) {
                        oldest = at;
                    }
                }
            }
        }
        return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    }

    /** How many events wait in all outboxes (a gauge for operators). */
    public long backlog() {
        long total = 0;
        for (String collection : collections) {
            for (Document doc : pendingOutboxes(collection)) {
                total += doc.getList(OUTBOX_FIELD, Document.class, List.of()).size();
            }
        }
        return total;
    }

    private void publishFresh() {
        while (!fresh.isEmpty() && !scanNeeded) {
            List<Pending> batch = new ArrayList<>();
            int events = 0;
            for (Pending next;
                    events < FRESH_BATCH && (next = fresh.poll()) != null;
                    events += next.events().size()) {
                batch.add(next);
            }
            Map<String, Map<Object, List<Object>>> acknowledged = send(batch);
            if (acknowledged == null) {
                scanNeeded = true; // what failed is still stored; the scan takes over, in order
                fresh.clear();
                return;
            }
            removeBehind(acknowledged);
        }
    }

    /** Removes these once the previous batch's removal is done, without holding up the next send. */
    private void removeBehind(Map<String, Map<Object, List<Object>>> acknowledged) {
        ExecutorService current = remover;
        if (current == null) {
            remove(acknowledged);
            return;
        }
        awaitRemoval();
        removing = CompletableFuture.runAsync(
                () -> {
                    try {
                        remove(acknowledged);
                    } catch (RuntimeException e) {
                        scanNeeded = true; // still stored and sent: the scan finds them and removes them
                        log.warn("Published outbox events not removed yet, will retry: {}", e.getMessage());
                    }
                },
                current);
    }

    private void awaitRemoval() {
        removing.join();
    }

    /** Stored events, of any age or written before {@code olderThan}; -1 when the broker failed on the way. */
    private int scan(Instant olderThan) {
        awaitRemoval(); // what a removal in progress still holds is not sent again
        int published = 0;
        for (String collection : collections) {
            List<Document> page;
            do {
                Criteria pending = olderThan == null
                        ? Criteria.where(PENDING_SINCE).exists(true)
                        : Criteria.where(PENDING_SINCE).lt(olderThan);
                Query query = Query.query(pending).limit(batchSize);
                query.fields().include(OUTBOX_FIELD);
                page = mongoTemplate.find(query, Document.class, collection);
                int sent = publish(page.stream()
                        .map(aggregate -> new Pending(
                                collection,
                                aggregate.get("_id"),
                                aggregate.getList(OUTBOX_FIELD, Document.class, List.of())))
                        .toList());
                if (sent < 0) {
                    return -1; // broker trouble: keep order, retry on the next run
                }
                published += sent;
            } while (page.size() == batchSize);
        }
        return published;
    }

    /**
     * Sends the events of all the given aggregates at once, waits for every acknowledgement, then removes them
     * from their outboxes in one bulk write per collection. Returns how many went out, -1 if any send failed
     * (the acknowledged ones are sent again later: consumers deduplicate).
     */
    private int publish(List<Pending> batch) {
        Map<String, Map<Object, List<Object>>> acknowledged = send(batch);
        return acknowledged == null ? -1 : remove(acknowledged);
    }

    /**
     * Sends the events of all the given aggregates at once and waits for every acknowledgement: the acknowledged
     * event ids by collection and aggregate, or null if any send failed.
     */
    private Map<String, Map<Object, List<Object>>> send(List<Pending> batch) {
        record InFlight(Pending pending, Object eventId, CompletableFuture<?> send) {}
        Map<String, Map<Object, List<Object>>> acknowledged = new LinkedHashMap<>();
        List<InFlight> inFlight = new ArrayList<>();
        for (Pending pending : batch) {
            for (Document stored : pending.events()) {
                Object eventId = stored.get("_id");
                if (recentlySent.contains(eventId)) {
                    acknowledge(acknowledged, pending, eventId); // sent already; its removal failed or raced a save
                } else {
                    OutboxEvent event = mongoTemplate.getConverter().read(OutboxEvent.class, stored);
                    inFlight.add(new InFlight(pending, eventId, kafkaTemplate.send(event.toProducerRecord())));
                }
            }
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (InFlight sent : inFlight) {
            try {
                sent.send().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledge(acknowledged, sent.pending(), sent.eventId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                log.warn("Outbox events not published yet, will retry: {}", e.getMessage());
                return null;
            }
        }
        // sent: never again by this instance, even if a scan finds them before their removal is done
        acknowledged.values().forEach(byAggregate -> byAggregate.values().forEach(recentlySent::addAll));
        return acknowledged;
    }

    /** Removes acknowledged events from their outboxes, one bulk write per collection; returns how many. */
    private int remove(Map<String, Map<Object, List<Object>>> acknowledged) {
        int removed = 0;
        for (var byCollection : acknowledged.entrySet()) {
            BulkOperations removals = mongoTemplate.bulkOps(BulkOperations.BulkMode.UNORDERED, byCollection.getKey());
            byCollection
                    .getValue()
                    .forEach((aggregateId, eventIds) -> removals.updateOne(
                            Query.query(Criteria.where("_id").is(aggregateId)),
                            new Update().pull(OUTBOX_FIELD, new Document("_id", new Document("$in", eventIds)))));
            removals.execute();
            for (List<Object> eventIds : byCollection.getValue().values()) {
                removed += eventIds.size();
            }
        }
        return removed;
    }

    private static void acknowledge(
            Map<String, Map<Object, List<Object>>> acknowledged, Pending pending, Object eventId) {
        acknowledged
                .computeIfAbsent(pending.collection(), c -> new LinkedHashMap<>())
                .computeIfAbsent(pending.aggregateId(), a -> new ArrayList<>())
                .add(eventId);
    }

    /** Only the outbox of each aggregate with pending events: the gauges need nothing else of the document. */
    private List<Document> pendingOutboxes(String collection) {
        Query query = pendingQuery();
        query.fields().include(OUTBOX_FIELD);
        return mongoTemplate.find(query, Document.class, collection);
    }

    private static Query pendingQuery() {
        return Query.query(Criteria.where(PENDING_SINCE).exists(true));
    }

    /**
     * On MongoDB the scans and gauges then read only the few documents with events waiting; the local stack's wire
     * server keeps no secondary index and reads the whole collection, hence the long poll interval. On the relay's
     * thread: a database that is not there yet must not hold up the start.
     */
    private void indexPendingEvents() {
        for (String collection : collections) {
            try {
                mongoTemplate
                        .indexOps(collection)
                        .createIndex(new Index()
                                .on(PENDING_SINCE, Sort.Direction.ASC)
                                .sparse()
                                .named("outbox_pending"));
            } catch (RuntimeException e) {
                log.warn("Index of pending outbox events on {} not created: {}", collection, e.getMessage());
            }
        }
    }

    /**
     * After a failure (the broker down, a removal refused) what failed is still stored: looked for again soon, not at
     * the next periodic look, which may be minutes away, nor only when a new save wakes the relay up.
     */
    private void retryAfterFailure() {
        if (scanNeeded) {
            run(() -> {});
        }
    }

    /** A run asked for by a save: the fresh events, or the scan after a failure. */
    private void runSafely() {
        scheduled.set(false);
        run(this::publishFresh);
    }

    /** The periodic run: events a crashed instance left behind, old enough that no fast path still holds them. */
    private void scanForStragglers() {
        run(() -> {
            if (scan(Instant.now().minus(pollInterval)) < 0) {
                scanNeeded = true;
            }
        });
    }

    private synchronized void run(Runnable work) {
        try {
            if (scanNeeded) {
                drain();
            } else {
                work.run();
            }
        } catch (RuntimeException e) {
            scanNeeded = true;
            log.warn("Outbox relay run failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        remover = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-removal");
            thread.setDaemon(true);
            return thread;
        });
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::indexPendingEvents);
        executor.scheduleWithFixedDelay(this::scanForStragglers, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(
                this::retryAfterFailure,
                RETRY_AFTER_FAILURE.toMillis(),
                RETRY_AFTER_FAILURE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.execute(this::drain); // a last run, so events of the final requests leave too
            current.shutdown();
            try {
                current.awaitTermination(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService removals = remover;
        remover = null;
        if (removals != null) {
            removals.shutdown(); // the drain waited for the last removal
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops after the web server so that requests in flight during graceful shutdown get their events out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
