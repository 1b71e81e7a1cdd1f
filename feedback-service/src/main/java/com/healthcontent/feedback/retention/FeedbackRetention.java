package com.healthcontent.feedback.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes raw feedback, alerts and deliveries once they are older than {@link RetentionProperties} says, every hour
 * on every instance (removing the same documents twice is harmless). A sweep rather than TTL indexes: votes and
 * reports share a collection with different ages, deliveries age from when they ended, and the MongoDB wire server
 * of the local stack keeps TTL indexes but never expires anything.
 */
@Component
class FeedbackRetention {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRetention.class);

    private final MongoTemplate mongoTemplate;
    private final RetentionProperties retention;
    private final Clock clock;

    FeedbackRetention(MongoTemplate mongoTemplate, RetentionProperties retention, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.retention = retention;
        this.clock = clock;
        // the sweep's queries by age, so that it never scans a whole collection
        mongoTemplate
                .indexOps("feedback")
                .createIndex(new Index().on("submittedAt", Sort.Direction.ASC).named("retention"));
        mongoTemplate
                .indexOps("alert_deliveries")
                .createIndex(new Index()
                        .on("status", Sort.Direction.ASC)
                        .on("deliveredAt", Sort.Direction.ASC)
                        .named("retention"));
    }

    /** What was removed per kind, for the log and the tests. */
    @Scheduled(fixedDelayString = "${platform.feedback.retention.sweep-interval:1h}", initialDelayString = "5m")
    Map<String, Long> sweep() {
        Instant now = clock.instant();
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put(
                "votes",
                remove(
                        "feedback",
                        Criteria.where("submittedAt")
                                .lt(now.minus(retention.votes()))
                                .and("reason")
                                .is(null)));
        removed.put(
                "reports",
                remove(
                        "feedback",
                        Criteria.where("submittedAt")
                                .lt(now.minus(retention.reports()))
                                .and("reason")
                                .ne(null)));
        removed.put("alerts", remove("alerts", Criteria.where("createdAt").lt(now.minus(retention.alerts()))));
        Instant deliveriesBefore = now.minus(retention.deliveries());
        removed.put(
                "deliveries",
                remove(
                        "alert_deliveries",
                        new Criteria()
                                .orOperator(
                                        Criteria.where("status")
                                                .is("SENT")
                                                .and("deliveredAt")
                                                .lt(deliveriesBefore),
                                        Criteria.where("status")
                                                .is("PARKED")
                                                .and("nextAttemptAt")
                                                .lt(deliveriesBefore))));
        if (removed.values().stream().anyMatch(count -> count > 0)) {
            log.info("Retention: removed {}", removed);
        }
        return removed;
    }

    private long remove(String collection, Criteria older) {
        return mongoTemplate.remove(Query.query(older), collection).getDeletedCount();
    }
}
