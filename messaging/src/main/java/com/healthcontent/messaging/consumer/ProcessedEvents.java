package com.healthcontent.messaging.consumer;

import com.healthcontent.events.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The ids of events this service has handled, so a redelivered event has no second effect. Read and written a
 * polled batch at a time: one query and one bulk insert per batch instead of two round trips per event, which in
 * a feedback burst were most of the consumers' MongoDB traffic.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongoTemplate;
    private final Clock clock;
    private final Duration retention;

    /** Records older than {@code retention} expire (a TTL index, and {@link #forgetExpired()} for stores without). */
    public ProcessedEvents(MongoTemplate mongoTemplate, Clock clock, Duration retention) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
        this.retention = retention;
        mongoTemplate
                .indexOps(COLLECTION)
                .createIndex(new Index().on("at", Sort.Direction.ASC).expire(retention));
    }

    /** Every hour: the MongoDB wire server of the local stack keeps TTL indexes but never expires documents. */
    @Scheduled(fixedDelayString = "${platform.events.consumer.dedupe-sweep-interval:1h}", initialDelayString = "1m")
    public void forgetExpired() {
        mongoTemplate.remove(Query.query(Criteria.where("at").lt(clock.instant().minus(retention))), COLLECTION);
    }

    /** Which of these events the consumer group already handled (each pipeline keeps its own record). */
    public Set<String> handledAmong(String group, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        Query query = Query.query(Criteria.where("_id")
                .in(eventIds.stream().map(id -> key(group, id)).toList()));
        query.fields().include("_id");
        String prefix = group + ":";
        return mongoTemplate.find(query, Document.class, COLLECTION).stream()
                .map(doc -> doc.getString("_id").substring(prefix.length()))
                .collect(Collectors.toSet());
    }

    public void record(String group, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Document> documents = events.stream()
                .map(event -> new Document("_id", key(group, event.id()))
                        .append("type", event.type())
                        .append("at", now))
                .toList();
        try {
            mongoTemplate
                    .bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION)
                    .insert(documents)
                    .execute();
        } catch (BulkOperationException | DuplicateKeyException someRecordedAlready) {
            // Another instance handled some of the same deliveries (a rebalance): the effects are idempotent, but
            // every id must be on record, so the rest are written one by one.
            documents.forEach(this::recordOne);
        }
    }

    private void recordOne(Document document) {
        try {
            mongoTemplate.insert(document, COLLECTION);
        } catch (DuplicateKeyException alreadyRecorded) {
            // recorded by the other instance: nothing to do
        }
    }

    private static String key(String group, String eventId) {
        return group + ":" + eventId;
    }
}
