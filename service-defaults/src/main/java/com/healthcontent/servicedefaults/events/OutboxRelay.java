package com.healthcontent.servicedefaults.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate documents (their {@code outbox} array) to Kafka, oldest first per
 * aggregate, and removes each one only after the broker acknowledged it. While the broker is down events stay
 * in MongoDB and go out when it is back: nothing is lost; an event can go out twice (broker acked, removal
 * failed), which is why every consumer deduplicates on the event id.
 *
 * <p>It polls, and {@link #wakeUp()} (called after every save that leaves events behind) makes it run at once,
 * so an event normally leaves within milliseconds of the write.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String OUTBOX_FIELD = "outbox";

    private final MongoTemplate mongoTemplate;
    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final int batchSize;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongoTemplate, KafkaTemplate<String, byte[]> kafkaTemplate,
            List<String> collections, Duration pollInterval, Duration sendTimeout, int batchSize) {
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

    /** Asks for a run now; runs requested while one is queued collapse into it. */
    public void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && scheduled.compareAndSet(false, true)) {
            current.execute(this::runSafely);
        }
    }

    /** Publishes everything pending now; returns how many events went out. Also used by tests and at shutdown. */
    public int drain() {
        int published = 0;
        for (String collection : collections) {
            published += drain(collection);
        }
        return published;
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

    private int drain(String collection) {
        int published = 0;
        List<Document> pending;
        do {
            Query query = pendingQuery().limit(batchSize);
            query.fields().include(OUTBOX_FIELD);
            pending = mongoTemplate.find(query, Document.class, collection);
            for (Document aggregate : pending) {
                int sent = publish(collection, aggregate);
                if (sent < 0) {
                    return published; // broker trouble: keep order, retry on the next run
                }
                published += sent;
            }
        } while (pending.size() == batchSize);
        return published;
    }

    private int publish(String collection, Document aggregate) {
        int sent = 0;
        for (Document stored : new ArrayList<>(aggregate.getList(OUTBOX_FIELD, Document.class, List.of()))) {
            OutboxEvent event = mongoTemplate.getConverter().read(OutboxEvent.class, stored);
            try {
                kafkaTemplate.send(event.toProducerRecord())
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } catch (Exception e) {
                log.warn("Outbox event {} ({}) not published yet, will retry: {}", event.id(), event.type(),
                        e.getMessage());
                return -1;
            }
            String idKey = stored.containsKey("_id") ? "_id" : "id";
            mongoTemplate.updateFirst(Query.query(Criteria.where("_id").is(aggregate.get("_id"))),
                    new Update().pull(OUTBOX_FIELD, new Document(idKey, stored.get(idKey))), collection);
            sent++;
        }
        return sent;
    }

    /** Only the outbox of each aggregate with pending events: the gauges need nothing else of the document. */
    private List<Document> pendingOutboxes(String collection) {
        Query query = pendingQuery();
        query.fields().include(OUTBOX_FIELD);
        return mongoTemplate.find(query, Document.class, collection);
    }

    private static Query pendingQuery() {
        return Query.query(Criteria.where(OUTBOX_FIELD + ".0").exists(true));
    }

    private void runSafely() {
        scheduled.set(false);
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.execute(this::runSafely); // a last run, so events of the final requests leave too
            current.shutdown();
            try {
                current.awaitTermination(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
