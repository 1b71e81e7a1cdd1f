package com.healthcontent.feedback.alerts;

import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The votes on each item within the helpfulness-drop window, as counters in one small document per item: twelve
 * buckets of a twelfth of the window each, so the window slides in steps of a twelfth. The votes of a poll on one
 * item cost one atomic update that also returns the counts; counting the votes in the feedback collection instead
 * cost two queries per not-helpful vote, which grew with the collection and were the burst's most expensive work.
 */
@Component
class HelpfulnessWindows {

    static final String COLLECTION = "helpfulness_windows";
    private static final int BUCKETS = 12;

    /** Votes in the window. */
    record Votes(long total, long notHelpful) {

        double helpfulShare() {
            return total == 0 ? 1 : (double) (total - notHelpful) / total;
        }
    }

    private final MongoTemplate mongoTemplate;
    private final long bucketMillis;

    HelpfulnessWindows(MongoTemplate mongoTemplate, AlertProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.bucketMillis = Math.max(1, properties.dropWindow().toMillis() / BUCKETS);
    }

    /** Which of the window's slices a vote cast at {@code at} falls in. */
    long bucketOf(Instant at) {
        return at.toEpochMilli() / bucketMillis;
    }

    /** Counts {@code cast} votes ({@code castNotHelpful} of them not helpful) of one slice; returns the window's. */
    Votes add(String targetId, long bucket, long cast, long castNotHelpful) {
        Update update = new Update().inc(field(bucket, "total"), cast);
        if (castNotHelpful > 0) {
            update.inc(field(bucket, "notHelpful"), castNotHelpful);
        }
        for (long expired = bucket - BUCKETS; expired > bucket - 2 * BUCKETS; expired--) {
            update.unset("buckets.b" + expired); // keeps the document small; older leftovers are ignored below
        }
        Document counts = mongoTemplate.findAndModify(
                Query.query(Criteria.where("_id").is(targetId)),
                update,
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COLLECTION);
        long total = 0;
        long notHelpful = 0;
        Document buckets = counts == null ? null : counts.get("buckets", Document.class);
        if (buckets != null) {
            for (var entry : buckets.entrySet()) {
                long index = Long.parseLong(entry.getKey().substring(1));
                if (index > bucket - BUCKETS && index <= bucket && entry.getValue() instanceof Document votes) {
                    total += number(votes, "total");
                    notHelpful += number(votes, "notHelpful");
                }
            }
        }
        return new Votes(total, notHelpful);
    }

    private static String field(long bucket, String name) {
        return "buckets.b" + bucket + "." + name;
    }

    private static long number(Document doc, String field) {
        return doc.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
