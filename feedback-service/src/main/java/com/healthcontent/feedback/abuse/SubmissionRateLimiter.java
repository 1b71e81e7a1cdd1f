package com.healthcontent.feedback.abuse;

import com.healthcontent.servicedefaults.problem.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-reader submission limit, shared by every instance of the service: a count per reader key and clock minute in
 * MongoDB, one atomic increment per submission. Behind a round-robin gateway a per-instance limit would let a reader
 * send the limit times the number of instances; this gives the same answer whichever instance is asked. A fixed
 * window lets a reader send up to twice the limit across a minute's boundary, which is what a per-minute bound on
 * votes needs. Windows expire after they end (a TTL index, and a sweep for stores that do not expire by themselves).
 */
@Component
public class SubmissionRateLimiter {

    static final String COLLECTION = "reader_windows";
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final MongoTemplate mongoTemplate;
    private final Clock clock;
    private final int perMinute;

    SubmissionRateLimiter(MongoTemplate mongoTemplate, Clock clock, AbuseProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
        this.perMinute = properties.perMinute();
        mongoTemplate
                .indexOps(COLLECTION)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    public void check(String readerKey) {
        Instant now = clock.instant();
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        Instant ends = Instant.ofEpochSecond((window + 1) * WINDOW.toSeconds());
        Document counted = mongoTemplate.findAndModify(
                Query.query(Criteria.where("_id").is(readerKey + ":" + window)),
                new Update().inc("submissions", 1).setOnInsert("expiresAt", Date.from(ends)),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COLLECTION);
        if (counted != null && counted.get("submissions", Number.class).intValue() > perMinute) {
            throw new TooManyRequestsException(
                    "Too much feedback from you in a short time; please wait a moment.",
                    Math.max(1, Duration.between(now, ends).toSeconds() + 1));
        }
    }

    @Scheduled(fixedDelayString = "${platform.feedback.abuse.sweep-interval:1m}")
    void sweepEndedWindows() {
        mongoTemplate.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION);
    }
}
