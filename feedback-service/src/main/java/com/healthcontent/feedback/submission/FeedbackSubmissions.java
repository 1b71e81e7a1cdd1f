package com.healthcontent.feedback.submission;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackReceived;
import com.healthcontent.feedback.abuse.AbuseProperties;
import com.healthcontent.feedback.abuse.CommentScreening;
import com.healthcontent.feedback.abuse.ReaderKey;
import com.healthcontent.feedback.abuse.SubmissionRateLimiter;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.messaging.CloudEventRecords;
import com.healthcontent.servicedefaults.ids.TimeOrderedIds;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.problem.ServiceUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts readers' answers without a database write: checked, screened and keyed here, then sent to Kafka and
 * answered 202 once the broker has them, stored and counted by {@link FeedbackIntake}. A broker that does not
 * acknowledge in time is a 503 with Retry-After: no reader is told "accepted" for an answer that could be lost.
 */
@Service
public class FeedbackSubmissions {

    private static final Logger log = LoggerFactory.getLogger(FeedbackSubmissions.class);
    private static final long RETRY_AFTER_SECONDS = 5;
    /** The intake's backlog is bounded by about a second and a half of its work: back in one, it has work left. */
    private static final long RETRY_AFTER_BEHIND_SECONDS = 1;

    /** Who sent it, as far as abuse control needs to know: never stored as such. */
    public record Reader(String ipAddress, String userAgent) {}

    /** The id the reader gets back; {@code sent} is false for a bot's submission, which is answered but dropped. */
    public record Accepted(String id, boolean sent) {}

    private final PublishedContents contents;
    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final JsonMapper jsonMapper;
    private final ReaderKey readerKeys;
    private final SubmissionRateLimiter rateLimiter;
    private final IntakeBacklog intakeBacklog;
    private final CommentScreening screening;
    private final AbuseProperties abuse;
    private final Clock clock;
    private final MeterRegistry meterRegistry;
    private final Tracer tracer;
    private final Propagator propagator;
    private final String source;
    private final Duration acknowledgementTimeout;

    FeedbackSubmissions(
            PublishedContents contents,
            KafkaTemplate<String, byte[]> kafkaTemplate,
            JsonMapper jsonMapper,
            ReaderKey readerKeys,
            SubmissionRateLimiter rateLimiter,
            IntakeBacklog intakeBacklog,
            CommentScreening screening,
            AbuseProperties abuse,
            Clock clock,
            MeterRegistry meterRegistry,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator,
            @Value("${spring.application.name}") String serviceName,
            @Value("${platform.feedback.acknowledgement-timeout:5s}") Duration acknowledgementTimeout) {
        this.contents = contents;
        this.kafkaTemplate = kafkaTemplate;
        this.jsonMapper = jsonMapper;
        this.readerKeys = readerKeys;
        this.rateLimiter = rateLimiter;
        this.intakeBacklog = intakeBacklog;
        this.screening = screening;
        this.abuse = abuse;
        this.clock = clock;
        this.meterRegistry = meterRegistry;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.source = "/" + serviceName;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /**
     * Accepts a vote or report on published content (404 otherwise; a helpful vote with a problem reason is a 400;
     * over the reader's limit 429; a vote while the intake is behind, 503 with Retry-After). The id is the same for the same answer again and for the answers that change a
     * vote; what an answer does to the vote is decided when it is stored ({@link Feedback#answer}). A honeypot hit is
     * answered as if accepted and dropped.
     */
    public CompletableFuture<Accepted> submit(FeedbackRequest request, Reader reader) {
        if (request.helpful() && request.reason() != null) {
            throw new InvalidInputException(
                    "reason", "a helpful vote has no problem reason: send helpful false to say what is wrong");
        }
        String readerKey = readerKeys.of(reader.ipAddress(), reader.userAgent());
        rateLimiter.check(readerKey);
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
        if (request.isFromABot()) {
            return CompletableFuture.completedFuture(new Accepted(keys.feedbackId(), false));
        }
        if (request.reason() == null && intakeBacklog.full()) {
            count(target, "NONE", "intake-behind");
            throw new ServiceUnavailableException(
                    "Many readers are voting right now; please send your vote again in a moment.",
                    RETRY_AFTER_BEHIND_SECONDS);
        }
        FeedbackReceived answer = new FeedbackReceived(
                keys.feedbackId(),
                target.type().name(),
                target.id(),
                target.slug(),
                target.title(),
                target.version(), // the live revision: what the reader read
                target.medicalReviewers(),
                target.author(),
                request.helpful(),
                request.reason() == null ? null : request.reason().name(),
                comment.text(),
                tryingTo,
                comment.flags().stream().map(Enum::name).toList(),
                now,
                readerKey,
                keys.voteKey(),
                keys.dedupeKey());
        EventType lane =
                answer.reason() == null ? EventType.FEEDBACK_VOTE_RECEIVED : EventType.FEEDBACK_REPORT_RECEIVED;
        EventEnvelope envelope = new EventEnvelope(
                TimeOrderedIds.next(),
                source,
                lane.ceType(),
                target.slug(),
                now,
                readerKey,
                lane.topic(),
                jsonMapper.writeValueAsBytes(answer));
        String reason = answer.reason() == null ? "NONE" : answer.reason();
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(envelope);
        Span span = tracer.currentSpan();
        if (span != null) { // the intake stores a report in this request's trace, and its alert continues it
            propagator.inject(
                    span.context(),
                    record.headers(),
                    (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        boolean vote = answer.reason() == null;
        if (vote) {
            intakeBacklog.sending();
        }
        CompletableFuture<?> acknowledged;
        try {
            acknowledged = kafkaTemplate.send(record);
        } catch (RuntimeException brokerUnknown) { // no metadata within max.block.ms
            acknowledged = CompletableFuture.failedFuture(brokerUnknown);
        }
        return acknowledged
                .orTimeout(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((sent, failure) -> {
                    if (vote) {
                        intakeBacklog.settled(failure == null);
                    }
                    if (failure != null) {
                        count(target, reason, "broker-unavailable");
                        log.warn("Feedback not acknowledged by Kafka, answered 503: {}", failure.toString());
                        throw new ServiceUnavailableException(
                                "Your feedback could not be recorded just now; please send it again in a moment.",
                                RETRY_AFTER_SECONDS);
                    }
                    count(target, reason, "accepted");
                    return new Accepted(keys.feedbackId(), true);
                });
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
