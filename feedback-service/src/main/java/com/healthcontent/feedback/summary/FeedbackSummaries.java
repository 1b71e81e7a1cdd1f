package com.healthcontent.feedback.summary;

import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-item feedback counts, kept up to date as {@code feedback.submitted} events arrive (this service consumes its
 * own events, deduplicated, so each accepted submission is counted once) and read in one document lookup.
 * Counts are kept in total and per UTC day, from which the last 30 days are summed.
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackSummaries {

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
        return IntegrationEventHandler.of(EventType.FEEDBACK_SUBMITTED, FeedbackSubmitted.class, this::count);
    }

    @Bean
    IntegrationEventHandler<FeedbackChanged> recountChangedFeedback() {
        return IntegrationEventHandler.of(EventType.FEEDBACK_CHANGED, FeedbackChanged.class, this::recount);
    }

    /** A changed vote moves from its previous answer to the new one, on the day it was first given. */
    void recount(FeedbackChanged change) {
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
        if (!update.getUpdateObject().isEmpty()) {
            mongoTemplate.updateFirst(Query.query(Criteria.where("_id").is(key(change.targetType(),
                    change.targetId()))), update, COLLECTION);
        }
    }

    void count(FeedbackSubmitted feedback) {
        String vote = feedback.helpful() ? "helpful" : "notHelpful";
        String day = "days." + LocalDate.ofInstant(feedback.submittedAt(), ZoneOffset.UTC);
        Update update = new Update().inc(vote, 1).inc(day + "." + vote, 1)
                .set("targetType", feedback.targetType()).set("targetId", feedback.targetId());
        if (feedback.reason() != null) {
            update.inc("byReason." + feedback.reason(), 1).inc(day + ".byReason." + feedback.reason(), 1);
        }
        mongoTemplate.findAndModify(Query.query(Criteria.where("_id").is(key(feedback.targetType(),
                feedback.targetId()))), update, FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
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
