package com.healthcontent.feedback.submission;

import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.feedback.abuse.AbuseProperties;
import com.healthcontent.feedback.abuse.CommentScreening;
import com.healthcontent.feedback.abuse.ReaderKey;
import com.healthcontent.feedback.abuse.SubmissionRateLimiter;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.messaging.outbox.Outbox;
import com.healthcontent.servicedefaults.ids.TimeOrderedIds;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class FeedbackSubmissions {

    /** Who sent it, as far as abuse control needs to know: never stored as such. */
    public record Reader(String ipAddress, String userAgent) {}

    /** The id the reader gets back; {@code stored} is false for a bot's submission, which is answered but dropped. */
    public record Accepted(String id, boolean stored) {}

    private final PublishedContents contents;
    private final MongoTemplate mongoTemplate;
    private final Outbox outbox;
    private final ReaderKey readerKeys;
    private final SubmissionRateLimiter rateLimiter;
    private final CommentScreening screening;
    private final AbuseProperties abuse;
    private final Clock clock;
    private final MeterRegistry meterRegistry;

    FeedbackSubmissions(
            PublishedContents contents,
            MongoTemplate mongoTemplate,
            Outbox outbox,
            ReaderKey readerKeys,
            SubmissionRateLimiter rateLimiter,
            CommentScreening screening,
            AbuseProperties abuse,
            Clock clock,
            MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        this.contents = contents;
        this.mongoTemplate = mongoTemplate;
        this.outbox = outbox;
        this.readerKeys = readerKeys;
        this.rateLimiter = rateLimiter;
        this.screening = screening;
        this.abuse = abuse;
        this.clock = clock;
    }

    /**
     * Accepts a vote or report on published content (404 otherwise): over the reader's rate limit 429, the same
     * submission again within the duplicate window answered with the first one's id, a later answer of the same
     * reader on the same item within the amendment window changes the first (the id stays), after it the same day
     * 409; a honeypot hit is answered as if accepted and dropped. A helpful vote with a problem reason is a 400.
     */
    public Accepted submit(FeedbackRequest request, Reader reader) {
        if (request.helpful() && request.reason() != null) {
            throw new InvalidInputException(
                    "reason", "a helpful vote has no problem reason: send helpful false to say what is wrong");
        }
        String readerKey = readerKeys.of(reader.ipAddress(), reader.userAgent());
        rateLimiter.check(readerKey);
        if (request.isFromABot()) {
            return new Accepted(TimeOrderedIds.next(), false);
        }
        PublishedContent target = contents.findLive(
                        request.target().type(), request.target().id())
                .orElseThrow(() -> new ResourceNotFoundException(
                        request.target().type().name().toLowerCase(),
                        request.target().id()));
        Instant now = clock.instant();
        CommentScreening.Screened comment = screening.screen(blankToNull(request.comment()));
        String tryingTo = screening.screen(blankToNull(request.tryingTo())).text();
        SubmissionKeys keys = SubmissionKeys.of(
                readerKeys::hash,
                readerKey,
                target.id(),
                request.helpful(),
                request.reason(),
                comment.text(),
                tryingTo,
                now,
                abuse.duplicateWindow());

        String id = TimeOrderedIds.next();
        Feedback feedback = new Feedback(
                id,
                target.type(),
                target.id(),
                target.slug(),
                target.title(),
                target.version(), // the live revision: what the reader read
                target.medicalReviewers(),
                target.author(),
                request.helpful(),
                request.reason(),
                comment.text(),
                tryingTo,
                comment.flags().stream().map(Enum::name).toList(),
                request.reason() == null ? null : ReportStatus.NEW,
                List.of(),
                now,
                keys.voteKey(),
                keys.dedupeKey(),
                null);
        IntegrationEvent submitted = feedback.event(
                EventType.FEEDBACK_SUBMITTED,
                new FeedbackSubmitted(
                        id,
                        target.type().name(),
                        target.id(),
                        target.slug(),
                        request.helpful(),
                        request.reason() == null ? null : request.reason().name(),
                        comment.text() != null,
                        now));
        String reason = request.reason() == null ? "NONE" : request.reason().name();
        try {
            Accepted accepted =
                    new Accepted(outbox.insert(Changed.of(feedback, submitted)).id(), true);
            count(target, reason, "accepted");
            return accepted;
        } catch (DuplicateKeyException twice) {
            Feedback first = mongoTemplate.findOne(
                    Query.query(Criteria.where("dedupeKey").is(keys.dedupeKey())), Feedback.class);
            if (first != null) {
                count(target, reason, "duplicate");
                return new Accepted(first.id(), true);
            }
            Feedback vote =
                    mongoTemplate.findOne(Query.query(Criteria.where("voteKey").is(keys.voteKey())), Feedback.class);
            if (vote == null || !vote.amendableAt(now, abuse.amendWindow())) {
                count(target, reason, "second-vote");
                throw new ConflictException("You have already given feedback on this today. Thank you!");
            }
            Changed<Feedback> amended = vote.amend(
                    request.helpful(),
                    request.reason(),
                    comment.text(),
                    tryingTo,
                    comment.flags().stream().map(Enum::name).toList(),
                    keys.dedupeKey(),
                    now);
            if (amended.aggregate() != vote) {
                try {
                    outbox.save(amended);
                } catch (OptimisticLockingFailureException | DuplicateKeyException concurrently) {
                    throw new ConflictException("Your feedback on this changed at the same moment; send it again.");
                }
            }
            count(target, reason, "amended");
            return new Accepted(vote.id(), true);
        }
    }

    private void count(PublishedContent target, String reason, String outcome) {
        meterRegistry
                .counter(
                        "platform.feedback.received",
                        "type",
                        target.type().name(),
                        "reason",
                        reason,
                        "outcome",
                        outcome)
                .increment();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
