package com.healthcontent.feedback.submission;

import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackReceived;
import com.healthcontent.feedback.abuse.AbuseProperties;
import com.healthcontent.feedback.abuse.SubmissionRateLimiter;
import com.healthcontent.messaging.consumer.EndOfPoll;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores the answers the request path accepted (feedback.votes, and feedback.reports in a consumer group of its own
 * so that no burst of votes delays a report), a poll at a time: one read of the feedback the poll's answers belong
 * to, each feedback's answers applied in order ({@link Feedback#answer}), then one write per changed feedback with its
 * event in its outbox (reports one by one, in the trace of the request that sent them). New votes, the bulk of the
 * traffic, are stored in one bulk insert and their events sent straight to Kafka before the poll's offsets are
 * committed: the outbox would cost a second write of every vote, the relay's removal. The summaries and the alerts
 * count and act on those events.
 *
 * <p>Applying an answer again changes nothing (the same answer is a duplicate of itself), so a poll delivered again
 * after a crash has one effect, without a record per answer; a new vote it finds stored and unchanged is announced
 * again under the same event id ({@link Feedback#mayBeUnannounced}), since the crash may have come before the broker
 * had it. Two instances writing one feedback at once (a vote and a report of the same reader in their two lanes) meet
 * on its version or its id; the one that lost reads it again.
 */
@Component
class FeedbackIntake {

    static final String VOTES = "intake-votes";
    static final String REPORTS = "intake-reports";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongoTemplate;
    private final Outbox outbox;
    private final SubmissionRateLimiter rateLimiter;
    private final AbuseProperties abuse;
    private final MeterRegistry meterRegistry;
    private final Tracer tracer;
    /** The poll's answers, on each consumer thread (a thread serves one lane). */
    private final ThreadLocal<List<Gathered>> gathered = ThreadLocal.withInitial(ArrayList::new);

    /** An answer, the trace of the request that sent it, and whether its lane stores new feedback in bulk. */
    private record Gathered(FeedbackReceived answer, Span trace, boolean inBulk) {}

    FeedbackIntake(
            MongoTemplate mongoTemplate,
            Outbox outbox,
            SubmissionRateLimiter rateLimiter,
            AbuseProperties abuse,
            MeterRegistry meterRegistry,
            ObjectProvider<Tracer> tracer) {
        this.mongoTemplate = mongoTemplate;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.abuse = abuse;
        this.meterRegistry = meterRegistry;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    /** Votes: new feedback stored in bulk, their traces end here. */
    @EventHandler(value = EventType.FEEDBACK_VOTE_RECEIVED, pipeline = VOTES, deduplicated = false)
    void vote(FeedbackReceived answer) {
        gathered.get().add(new Gathered(answer, tracer.currentSpan(), true));
    }

    /** Reports: few, each stored in the trace of the request that sent it, which its alert continues. */
    @EventHandler(value = EventType.FEEDBACK_REPORT_RECEIVED, pipeline = REPORTS, deduplicated = false)
    void report(FeedbackReceived answer) {
        gathered.get().add(new Gathered(answer, tracer.currentSpan(), false));
    }

    @EndOfPoll
    void store() {
        List<Gathered> answers = gathered.get();
        try {
            store(answers);
        } finally {
            answers.clear();
        }
    }

    private void store(List<Gathered> gatheredAnswers) {
        Map<String, List<FeedbackReceived>> byFeedback = new LinkedHashMap<>();
        Map<String, Span> traces = new HashMap<>();
        boolean inBulk = false;
        for (Gathered item : gatheredAnswers) {
            FeedbackReceived answer = item.answer();
            inBulk = item.inBulk();
            if (rateLimiter.admit(answer.readerKey(), answer.dedupeKey(), answer.answeredAt())) {
                byFeedback
                        .computeIfAbsent(answer.feedbackId(), id -> new ArrayList<>())
                        .add(answer);
                if (item.trace() != null) {
                    traces.put(answer.feedbackId(), item.trace());
                }
            } else {
                count(answer, "over-limit");
            }
        }
        if (byFeedback.isEmpty()) {
            return;
        }
        Map<String, Feedback> stored = new HashMap<>();
        mongoTemplate
                .find(Query.query(Criteria.where("_id").in(byFeedback.keySet())), Feedback.class)
                .forEach(feedback -> stored.put(feedback.id(), feedback));

        List<Changed<Feedback>> fresh = new ArrayList<>();
        Map<String, Applied> freshApplied = new HashMap<>();
        List<Changed<Feedback>> announceAgain = new ArrayList<>();
        for (Map.Entry<String, List<FeedbackReceived>> feedback : byFeedback.entrySet()) {
            String id = feedback.getKey();
            Applied applied = apply(stored.get(id), feedback.getValue());
            if (inBulk && applied.before() == null) {
                fresh.add(applied.after().submitted());
                freshApplied.put(id, applied);
                continue;
            }
            if (inBulk
                    && applied.after() == applied.before()
                    && feedback.getValue().stream().anyMatch(applied.before()::mayBeUnannounced)) {
                announceAgain.add(applied.before().submitted());
            }
            try (Tracer.SpanInScope inTrace = tracer.withSpan(traces.get(id))) {
                if (!write(applied)) {
                    storeAlone(id, feedback.getValue());
                }
            }
        }
        outbox.publishAgain(announceAgain);
        List<String> taken = outbox.insertAllAndPublish(fresh).stream()
                .map(changed -> changed.aggregate().id())
                .toList();
        freshApplied.forEach((id, applied) -> {
            if (taken.contains(id)) {
                storeAlone(id, byFeedback.get(id)); // stored meanwhile by the other lane
            } else {
                applied.counted(this);
            }
        });
    }

    /** One feedback's answers against what is stored now, again until no other writer gets in between. */
    private void storeAlone(String id, List<FeedbackReceived> answers) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Applied applied = apply(mongoTemplate.findById(id, Feedback.class), answers);
            if (write(applied)) {
                return;
            }
        }
        throw new IllegalStateException("Feedback " + id + " keeps changing under the intake");
    }

    /** False when another writer changed or created the feedback since it was read. */
    private boolean write(Applied applied) {
        try {
            if (applied.before() == null) {
                outbox.insert(applied.after().submitted());
            } else if (applied.after() != applied.before()) {
                outbox.save(applied.after().changedFrom(applied.before()));
            }
        } catch (DuplicateKeyException | OptimisticLockingFailureException meanwhile) {
            return false;
        }
        applied.counted(this);
        return true;
    }

    private Applied apply(Feedback before, List<FeedbackReceived> answers) {
        Feedback state = before;
        List<Feedback.Outcome> outcomes = new ArrayList<>();
        for (FeedbackReceived answer : answers) {
            if (state == null) {
                state = Feedback.first(answer);
                outcomes.add(Feedback.Outcome.STORED);
            } else {
                Feedback.Answered answered = state.answer(answer, abuse.amendWindow());
                state = answered.feedback();
                outcomes.add(answered.outcome());
            }
        }
        return new Applied(before, state, answers, outcomes);
    }

    /** One feedback's answers of a poll applied to what was stored: what it became, and what each answer did. */
    private record Applied(
            Feedback before, Feedback after, List<FeedbackReceived> answers, List<Feedback.Outcome> outcomes) {

        void counted(FeedbackIntake intake) {
            for (int i = 0; i < answers.size(); i++) {
                intake.count(
                        answers.get(i), outcomes.get(i).name().toLowerCase().replace('_', '-'));
            }
        }
    }

    private void count(FeedbackReceived answer, String outcome) {
        meterRegistry
                .counter(
                        "platform.feedback.stored",
                        "type",
                        answer.targetType(),
                        "reason",
                        answer.reason() == null ? "NONE" : answer.reason(),
                        "outcome",
                        outcome)
                .increment();
    }
}
