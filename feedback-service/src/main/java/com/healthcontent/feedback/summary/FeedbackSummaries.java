package com.healthcontent.feedback.summary;

import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.submission.Feedback;
import com.healthcontent.messaging.consumer.EndOfPoll;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.messaging.consumer.EventPosition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Per-item feedback counts, kept up to date as {@code feedback.submitted} and {@code feedback.changed} events arrive
 * and read in one document lookup. Counts are kept in total, per UTC day, from which the last 30 days are summed, and
 * per revision of the item ({@code revisions.<n>}: counts per (item, revision), so a published fix starts from zero).
 *
 * <p>A vote counts in the revision it was first given on, as stamped on the stored feedback
 * ({@link Feedback#targetRevision()}) and carried by its events, and a changed vote moves within that revision, as it
 * moves within the day it was first given. The stamp never changes, so an event counted again after a crash lands in
 * the same revision. Events published before they carried it are looked up at the poll's end in one query for those
 * not counted yet ({@link #revisionsOf}; their feedback was stored before they were published). A vote whose revision
 * is not known (stored before revisions were recorded, or removed before it was counted) counts in total and per day
 * only.
 *
 * <p>The counts of a poll's events are added up per item and written once per item at the poll's end: under a vote
 * burst one upsert per event was the consumer's limit and summaries fell half a minute behind the votes.
 *
 * <p>Adding to a count is not idempotent, and the consumer's dedupe record is written after the batch it handled:
 * an instance killed in between gets the batch again, perhaps cut differently. So each item's document keeps the
 * position of the last event it counted (one item's events share a key, hence a partition, and arrive in offset
 * order); a write adds only the events after that position, and only if the position is still the one it read.
 */
@Component
public class FeedbackSummaries {

    private static final Logger log = LoggerFactory.getLogger(FeedbackSummaries.class);
    static final String COLLECTION = "feedback_summaries";
    static final int RECENT_DAYS = 30;
    /** How many revisions a summary lists, newest first: the live one and those before it with votes. */
    static final int REVISIONS_SHOWN = 10;

    private static final String COUNTED_THROUGH = "countedThrough";
    private static final String REVISIONS = "revisions";

    /**
     * One event's change to one vote's counts ({@code helpful}, {@code notHelpful}, {@code byReason.<reason>}), which
     * apply in total, on the day it was first given and in the revision it was given on.
     */
    private record Delta(
            EventPosition position, String feedbackId, String day, Long revision, Map<String, Integer> increments) {}

    /** What a poll's events change of one item. */
    private record ItemDeltas(String targetType, String targetId, List<Delta> deltas) {}

    private final MongoTemplate mongoTemplate;
    private final Clock clock;
    /** Gathered on each consumer thread during a poll, written at its end. */
    private final ThreadLocal<Map<String, ItemDeltas>> gathered = ThreadLocal.withInitial(LinkedHashMap::new);

    FeedbackSummaries(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    /**
     * A changed vote moves from its previous answer to the new one, on the day it was first given and in the revision
     * it was given on.
     */
    @EventHandler(EventType.FEEDBACK_CHANGED)
    void recount(FeedbackChanged change, EventPosition position) {
        Map<String, Integer> deltas = new LinkedHashMap<>();
        deltas.merge(change.previousHelpful() ? "helpful" : "notHelpful", -1, Integer::sum);
        deltas.merge(change.helpful() ? "helpful" : "notHelpful", 1, Integer::sum);
        if (change.previousReason() != null) {
            deltas.merge("byReason." + change.previousReason(), -1, Integer::sum);
        }
        if (change.reason() != null) {
            deltas.merge("byReason." + change.reason(), 1, Integer::sum);
        }
        gather(
                change.targetType(),
                change.targetId(),
                change.feedbackId(),
                change.submittedAt(),
                change.targetRevision(),
                position,
                deltas);
    }

    @EventHandler(EventType.FEEDBACK_SUBMITTED)
    void count(FeedbackSubmitted feedback, EventPosition position) {
        Map<String, Integer> deltas = new LinkedHashMap<>();
        deltas.put(feedback.helpful() ? "helpful" : "notHelpful", 1);
        if (feedback.reason() != null) {
            deltas.put("byReason." + feedback.reason(), 1);
        }
        gather(
                feedback.targetType(),
                feedback.targetId(),
                feedback.feedbackId(),
                feedback.submittedAt(),
                feedback.targetRevision(),
                position,
                deltas);
    }

    private void gather(
            String targetType,
            String targetId,
            String feedbackId,
            Instant submittedAt,
            Long revision,
            EventPosition position,
            Map<String, Integer> deltas) {
        String day = LocalDate.ofInstant(submittedAt, ZoneOffset.UTC).toString();
        gathered.get()
                .computeIfAbsent(
                        key(targetType, targetId), k -> new ItemDeltas(targetType, targetId, new ArrayList<>()))
                .deltas()
                .add(new Delta(position, feedbackId, day, revision, deltas));
    }

    /**
     * One read of the gathered items' positions (and one of the revisions of older events that do not carry theirs),
     * then one conditional upsert per item.
     */
    @EndOfPoll
    void write() {
        Map<String, ItemDeltas> items = gathered.get();
        if (items.isEmpty()) {
            return;
        }
        try {
            Map<String, Document> counted = countedThrough(items.keySet());
            Map<String, Long> revisions = revisionsOf(items.entrySet().stream()
                    .flatMap(item -> item.getValue().deltas().stream()
                            .filter(delta -> delta.revision() == null
                                    && !countedBefore(delta.position(), counted.get(item.getKey())))
                            .map(Delta::feedbackId))
                    .collect(Collectors.toSet()));
            items.forEach((key, item) -> {
                for (int attempt = 1; !apply(key, item, counted.get(key), revisions); attempt++) {
                    if (attempt == 3) {
                        throw new IllegalStateException("The counts of " + key + " keep changing under this consumer");
                    }
                    counted.putAll(countedThrough(List.of(key)));
                }
            });
        } finally {
            items.clear();
        }
    }

    /**
     * The revision each vote was given on, by feedback id; absent when not known. A vote is counted with the revision
     * stamped when it was stored, which never changes: counted again, it lands in the same revision.
     */
    private Map<String, Long> revisionsOf(Set<String> feedbackIds) {
        if (feedbackIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(feedbackIds));
        query.fields().include(Feedback.TARGET_REVISION);
        Map<String, Long> revisions = new HashMap<>();
        for (Document doc :
                mongoTemplate.find(query, Document.class, mongoTemplate.getCollectionName(Feedback.class))) {
            if (doc.get(Feedback.TARGET_REVISION) instanceof Number revision) {
                revisions.put(doc.get("_id").toString(), revision.longValue());
            }
        }
        return revisions;
    }

    private Map<String, Document> countedThrough(Collection<String> keys) {
        Query query = Query.query(Criteria.where("_id").in(keys));
        query.fields().include(COUNTED_THROUGH);
        Map<String, Document> positions = new HashMap<>();
        for (Document doc : mongoTemplate.find(query, Document.class, COLLECTION)) {
            positions.put(doc.getString("_id"), doc.get(COUNTED_THROUGH, Document.class));
        }
        return positions;
    }

    /**
     * The item's increments from the events after {@code through} (absent: none counted yet), written only while the
     * stored position is still {@code through}. False when it moved meanwhile (another consumer of the partition
     * during a rebalance): read again and retry.
     */
    private boolean apply(String key, ItemDeltas item, Document through, Map<String, Long> revisions) {
        Map<String, Integer> increments = new LinkedHashMap<>();
        Delta last = null;
        for (Delta delta : item.deltas()) {
            if (countedBefore(delta.position(), through)) {
                log.debug("Feedback event at {} already counted for {}", delta.position(), key);
                continue;
            }
            Long revision = delta.revision() != null ? delta.revision() : revisions.get(delta.feedbackId());
            List<String> scopes = revision == null
                    ? List.of("", "days." + delta.day() + ".")
                    : List.of("", "days." + delta.day() + ".", REVISIONS + "." + revision + ".");
            for (String scope : scopes) {
                delta.increments().forEach((field, by) -> increments.merge(scope + field, by, Integer::sum));
            }
            last = delta;
        }
        if (last == null) {
            return true;
        }
        Update update = new Update()
                .set("targetType", item.targetType())
                .set("targetId", item.targetId())
                .set(
                        COUNTED_THROUGH,
                        new Document("partition", partition(last.position()))
                                .append("offset", last.position().offset()));
        increments.forEach((field, by) -> {
            if (by != 0) {
                update.inc(field, by);
            }
        });
        Criteria unchanged = through == null
                ? Criteria.where(COUNTED_THROUGH).exists(false)
                : Criteria.where(COUNTED_THROUGH + ".partition")
                        .is(through.getString("partition"))
                        .and(COUNTED_THROUGH + ".offset")
                        .is(through.get("offset"));
        try {
            mongoTemplate.upsert(Query.query(Criteria.where("_id").is(key)).addCriteria(unchanged), update, COLLECTION);
            return true;
        } catch (DuplicateKeyException movedMeanwhile) {
            return false; // the upsert's insert met the document, whose position is no longer the one read
        }
    }

    private static boolean countedBefore(EventPosition position, Document through) {
        return through != null
                && partition(position).equals(through.getString("partition"))
                && position.offset() <= ((Number) through.get("offset")).longValue();
    }

    private static String partition(EventPosition position) {
        return position.topic() + "-" + position.partition();
    }

    /**
     * The item's counts in all, over the last 30 days, on {@code liveRevision} (the revision readers see now) and per
     * revision, newest first: the live one (even without votes yet) and the others with votes, at most
     * {@link #REVISIONS_SHOWN}.
     */
    public FeedbackSummary of(ContentType type, String targetId, long liveRevision) {
        Document doc = mongoTemplate.findById(key(type.name(), targetId), Document.class, COLLECTION);
        if (doc == null) {
            return FeedbackSummary.empty(type, targetId, liveRevision);
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
        Map<Long, Counts> byRevision = new TreeMap<>(Comparator.reverseOrder());
        Document revisions = doc.get(REVISIONS, Document.class);
        if (revisions != null) {
            revisions.forEach(
                    (revision, counts) -> byRevision.put(Long.valueOf(revision), Counts.of((Document) counts)));
        }
        Counts current = byRevision.getOrDefault(liveRevision, Counts.zero());
        byRevision.putIfAbsent(liveRevision, current);
        List<FeedbackSummary.RevisionCounts> shown = byRevision.entrySet().stream()
                .limit(REVISIONS_SHOWN)
                .map(revision -> FeedbackSummary.RevisionCounts.of(revision.getKey(), revision.getValue()))
                .toList();
        return new FeedbackSummary(
                type,
                targetId,
                total.helpful(),
                total.notHelpful(),
                total.byReason(),
                recent,
                liveRevision,
                current,
                shown);
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
