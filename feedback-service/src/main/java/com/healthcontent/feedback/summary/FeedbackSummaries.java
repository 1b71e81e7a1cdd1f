package com.healthcontent.feedback.summary;

import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.servicedefaults.events.EventPosition;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-item feedback counts, kept up to date as {@code feedback.submitted} and {@code feedback.changed} events arrive
 * and read in one document lookup. Counts are kept in total and per UTC day, from which the last 30 days are summed.
 *
 * <p>Adding to a count is not idempotent, and the consumer's dedupe record is written after the batch it handled:
 * an instance killed in between gets the batch again. So each item's document keeps the position of the last event
 * it counted (one item's events share a key, hence a partition, and arrive in offset order) and an increment
 * applies only to a later position, in the same single-document write.
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackSummaries {

    private static final Logger log = LoggerFactory.getLogger(FeedbackSummaries.class);
    static final String COLLECTION = "feedback_summaries";
    static final int RECENT_DAYS = 30;

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    FeedbackSummaries(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    @Bean
    IntegrationEventHandler<FeedbackSubmitted> countFeedback() {
        return IntegrationEventHandler.inOrder(EventType.FEEDBACK_SUBMITTED, FeedbackSubmitted.class, this::count);
    }

    @Bean
    IntegrationEventHandler<FeedbackChanged> recountChangedFeedback() {
        return IntegrationEventHandler.inOrder(EventType.FEEDBACK_CHANGED, FeedbackChanged.class, this::recount);
    }

    /** A changed vote moves from its previous answer to the new one, on the day it was first given. */
    void recount(FeedbackChanged change, EventPosition position) {
        String day = "days." + LocalDate.ofInstant(change.submittedAt(), ZoneOffset.UTC);
        Map<String, Integer> deltas = new LinkedHashMap<>();
        for (String scope : List.of("", day + ".")) {
            deltas.merge(scope + (change.previousHelpful() ? "helpful" : "notHelpful"), -1, Integer::sum);
            deltas.merge(scope + (change.helpful() ? "helpful" : "notHelpful"), 1, Integer::sum);
            if (change.previousReason() != null) {
                deltas.merge(scope + "byReason." + change.previousReason(), -1, Integer::sum);
            }
            if (change.reason() != null) {
                deltas.merge(scope + "byReason." + change.reason(), 1, Integer::sum);
            }
        }
        Update update = new Update();
        deltas.forEach((field, delta) -> {
            if (delta != 0) {
                update.inc(field, delta);
            }
        });
        apply(change.targetType(), change.targetId(), update, position);
    }

    void count(FeedbackSubmitted feedback, EventPosition position) {
        String vote = feedback.helpful() ? "helpful" : "notHelpful";
        String day = "days." + LocalDate.ofInstant(feedback.submittedAt(), ZoneOffset.UTC);
        Update update = new Update().inc(vote, 1).inc(day + "." + vote, 1)
                .set("targetType", feedback.targetType()).set("targetId", feedback.targetId());
        if (feedback.reason() != null) {
            update.inc("byReason." + feedback.reason(), 1).inc(day + ".byReason." + feedback.reason(), 1);
        }
        apply(feedback.targetType(), feedback.targetId(), update, position);
    }

    /**
     * The update with the event's position, on the item's document unless it already counted this position or a
     * later one of the same partition (then the upsert's insert meets the existing id: nothing changes).
     */
    private void apply(String targetType, String targetId, Update update, EventPosition position) {
        String partition = position.topic() + "-" + position.partition();
        update.set("countedThrough", new Document("partition", partition).append("offset", position.offset()));
        Query notYetCounted = Query.query(Criteria.where("_id").is(key(targetType, targetId)).orOperator(
                Criteria.where("countedThrough.partition").ne(partition),
                Criteria.where("countedThrough.offset").lt(position.offset())));
        try {
            mongoTemplate.upsert(notYetCounted, update, COLLECTION);
        } catch (DuplicateKeyException countedBefore) {
            log.debug("Feedback event at {} already counted for {}:{}", position, targetType, targetId);
        }
    }

    public FeedbackSummary of(ContentType type, String targetId) {
        Document doc = mongoTemplate.findById(key(type.name(), targetId), Document.class, COLLECTION);
        if (doc == null) {
            return FeedbackSummary.empty(type, targetId);
        }
        Counts total = Counts.of(doc);
        Counts recent = Counts.zero();
        LocalDate since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(RECENT_DAYS - 1L);
        Document days = doc.get("days", Document.class);
        if (days != null) {
            for (Map.Entry<String, Object> day : days.entrySet()) {
                if (!LocalDate.parse(day.getKey()).isBefore(since)) {
                    recent = recent.plus(Counts.of((Document) day.getValue()));
                }
            }
        }
        return new FeedbackSummary(type, targetId, total.helpful(), total.notHelpful(), total.byReason(), recent);
    }

    private static String key(String type, String id) {
        return type + ":" + id;
    }

    public record Counts(long helpful, long notHelpful, Map<String, Long> byReason) {

        static Counts zero() {
            return new Counts(0, 0, Map.of());
        }

        static Counts of(Document doc) {
            Map<String, Long> reasons = new TreeMap<>();
            Document byReason = doc.get("byReason", Document.class);
            if (byReason != null) {
                byReason.forEach((reason, count) -> reasons.put(reason, ((Number) count).longValue()));
            }
            return new Counts(number(doc, "helpful"), number(doc, "notHelpful"), reasons);
        }

        Counts plus(Counts other) {
            Map<String, Long> reasons = new TreeMap<>(byReason);
            other.byReason.forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
            return new Counts(helpful + other.helpful, notHelpful + other.notHelpful, reasons);
        }

        private static long number(Document doc, String field) {
            Object value = doc.get(field);
            return value == null ? 0 : ((Number) value).longValue();
        }
    }
}
