package com.healthcontent.feedback.submission;

import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.FeedbackReceived;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.ReportStatusChanged;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reader's feedback, stored with its events in one write ({@link Changed}): accepted feedback is stored and
 * published, or neither. With a reason it is a problem report, triaged by the content's reviewers. The comment is plain text
 * with personal data masked, never rendered as HTML here; the reader is known only by keyed hashes used to refuse
 * a second vote the same day ({@code voteKey}) and to count an identical resubmission once ({@code dedupeKey}).
 *
 * <p>{@code targetRevision} is the revision of the content that was live, as this service knew it, when the feedback
 * was first given (an article's revision, an exercise's version): summaries count it there, amendments included. It
 * never changes afterwards. Null for feedback stored before revisions were recorded.
 *
 * <p>{@code submittedAt} is when the reader first answered, {@code answeredAt} when they gave the answer it holds now:
 * answers can arrive out of order (votes and reports travel apart), and only a later one changes it outright.
 */
@Document("feedback")
@PublishesEvents
@CompoundIndexes({
    @CompoundIndex(name = "target", def = "{'targetType': 1, 'targetId': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "triage", def = "{'reviewers': 1, 'status': 1, 'submittedAt': -1}")
})
public record Feedback(
        @Id String id,
        ContentType targetType,
        String targetId,
        String targetSlug,
        String targetTitle,
        Long targetRevision,
        List<String> reviewers,
        String author,
        boolean helpful,
        ProblemReason reason,
        String comment,
        String tryingTo,
        List<String> flags,
        @Indexed ReportStatus status,
        List<StatusChange> statusHistory,
        Instant submittedAt,
        Instant answeredAt,
        @Indexed(unique = true) String voteKey,
        @Indexed(unique = true) String dedupeKey,
        @Version Long version) {

    /** The stored field of {@link #targetRevision()}, for readers of the collection that need nothing else. */
    public static final String TARGET_REVISION = "targetRevision";

    public Feedback {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        flags = flags == null ? List.of() : List.copyOf(flags);
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
    }

    /** What one answer did to the feedback it belongs to. */
    public enum Outcome {
        /** the reader's first answer on the item that day */
        STORED,
        /** the same answer again within the duplicate window */
        DUPLICATE,
        /** a later answer that changed the vote or added what was wrong */
        AMENDED,
        /** a later answer that changed nothing */
        UNCHANGED,
        /** a later answer after the amendment window, the same day: dropped */
        SECOND_VOTE,
        /** an answer that would change a report staff have started to triage: dropped */
        IN_TRIAGE
    }

    /** The feedback after an answer, and what the answer did. */
    public record Answered(Feedback feedback, Outcome outcome) {}

    /** A reader's first answer on an item that day, as the intake received it. */
    static Feedback first(FeedbackReceived answer) {
        ProblemReason reason = answer.reason() == null ? null : ProblemReason.valueOf(answer.reason());
        return new Feedback(
                answer.feedbackId(),
                ContentType.valueOf(answer.targetType()),
                answer.targetId(),
                answer.targetSlug(),
                answer.targetTitle(),
                answer.targetRevision(),
                answer.reviewers(),
                answer.author(),
                answer.helpful(),
                reason,
                answer.comment(),
                answer.tryingTo(),
                answer.flags(),
                reason == null ? null : ReportStatus.NEW,
                List.of(),
                answer.answeredAt(),
                answer.answeredAt(),
                answer.voteKey(),
                answer.dedupeKey(),
                null);
    }

    /**
     * Another answer of the same reader on the same item and day. A later one within the amendment window changes the
     * vote (a changed mind, or "what was wrong" after a "No"): what it leaves out is kept when the direction stays
     * the same, so details given first are not lost by a bare "No" again, and a helpful vote has no reason. Votes
     * and reports travel in lanes of their own, so an earlier answer can arrive after a later one: it only fills in
     * what the later one, in the same direction, left out. A report that staff have started to triage is not changed
     * under them.
     */
    Answered answer(FeedbackReceived answer, Duration amendWindow) {
        if (answer.dedupeKey().equals(dedupeKey)) {
            return new Answered(this, Outcome.DUPLICATE);
        }
        boolean later = !answer.answeredAt().isBefore(lastAnsweredAt());
        if (later && answer.answeredAt().isAfter(submittedAt.plus(amendWindow))) {
            return new Answered(this, Outcome.SECOND_VOTE);
        }
        ProblemReason answerReason = answer.reason() == null ? null : ProblemReason.valueOf(answer.reason());
        Feedback next = later
                ? changedBy(
                        answer.helpful(),
                        answerReason,
                        answer.comment(),
                        answer.tryingTo(),
                        answer.flags(),
                        answer.dedupeKey(),
                        answer.answeredAt())
                : answer.helpful() == helpful
                        ? changedBy(
                                helpful,
                                reason != null ? reason : answerReason,
                                comment != null ? comment : answer.comment(),
                                tryingTo != null ? tryingTo : answer.tryingTo(),
                                comment != null ? flags : answer.flags(),
                                dedupeKey,
                                lastAnsweredAt())
                        : this;
        if (next.helpful == helpful
                && next.reason == reason
                && Objects.equals(next.comment, comment)
                && Objects.equals(next.tryingTo, tryingTo)) {
            return new Answered(this, Outcome.UNCHANGED);
        }
        if (status != null && status != ReportStatus.NEW) {
            return new Answered(this, Outcome.IN_TRIAGE);
        }
        return new Answered(next, Outcome.AMENDED);
    }

    private Feedback changedBy(
            boolean newHelpful,
            ProblemReason newReason,
            String newComment,
            String newTryingTo,
            List<String> newFlags,
            String newDedupeKey,
            Instant newAnsweredAt) {
        boolean sameDirection = newHelpful == helpful;
        ProblemReason reason = newHelpful ? null : newReason != null ? newReason : sameDirection ? this.reason : null;
        String comment = newComment != null ? newComment : sameDirection ? this.comment : null;
        List<String> flags = newComment != null ? newFlags : sameDirection ? this.flags : List.of();
        String tryingTo = newTryingTo != null ? newTryingTo : sameDirection ? this.tryingTo : null;
        return new Feedback(
                id,
                targetType,
                targetId,
                targetSlug,
                targetTitle,
                targetRevision,
                reviewers,
                author,
                newHelpful,
                reason,
                comment,
                tryingTo,
                flags,
                reason == null ? null : ReportStatus.NEW,
                statusHistory,
                submittedAt,
                newAnsweredAt,
                voteKey,
                newDedupeKey,
                version);
    }

    /** Stored before answers were timed: the first answer's time. */
    private Instant lastAnsweredAt() {
        return answeredAt == null ? submittedAt : answeredAt;
    }

    /**
     * This new feedback with the event that announces it. The event's id is derived from the feedback's, so the
     * intake can announce it again after a crash ({@link #mayBeUnannounced}) and consumers recognise the repeat.
     */
    Changed<Feedback> submitted() {
        return Changed.of(this, submission());
    }

    private IntegrationEvent submission() {
        return event(
                        EventType.FEEDBACK_SUBMITTED,
                        new FeedbackSubmitted(
                                id,
                                targetType.name(),
                                targetId,
                                targetSlug,
                                helpful,
                                reason == null ? null : reason.name(),
                                comment != null,
                                submittedAt,
                                targetRevision))
                .withId("feedback-submitted-" + id);
    }

    /**
     * This feedback, changed by answers since {@code before}, with the event that announces the change. Feedback
     * never changed before is announced again first: the intake sends new votes' events straight to Kafka, and one
     * stored by an instance that died before the broker had its event may be changed (by the other lane) before its
     * own poll comes again; under its own id the repeat is recognised wherever it was announced already.
     */
    Changed<Feedback> changedFrom(Feedback before) {
        IntegrationEvent change = event(
                EventType.FEEDBACK_CHANGED,
                new FeedbackChanged(
                        id,
                        targetType.name(),
                        targetId,
                        targetSlug,
                        helpful,
                        reason == null ? null : reason.name(),
                        comment != null,
                        submittedAt,
                        before.helpful,
                        before.reason == null ? null : before.reason.name(),
                        lastAnsweredAt(),
                        targetRevision));
        return before.neverChanged() ? Changed.of(this, before.submission(), change) : Changed.of(this, change);
    }

    /** Stored as first inserted (version 0): its {@link #submitted} event is the one it was inserted with. */
    private boolean neverChanged() {
        return version != null && version == 0;
    }

    /**
     * Whether this stored feedback's {@link #submitted} event may never have reached the broker although
     * {@code answer} was stored: it is this feedback's first answer (the same moment, to the millisecond the
     * database keeps) and the feedback was not changed since. Only a poll delivered again after a crash brings
     * that answer back; a reader's own repeat is a later answer.
     */
    boolean mayBeUnannounced(FeedbackReceived answer) {
        return neverChanged()
                && answer.answeredAt()
                        .truncatedTo(ChronoUnit.MILLIS)
                        .equals(submittedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    public boolean isProblemReport() {
        return reason != null;
    }

    /** Whether this person answers for the content: one of its reviewers, or an editor. */
    public boolean isTriagedBy(Actor actor) {
        return actor.has(Role.EDITOR) || actor.has(Role.MEDICAL_REVIEWER) && reviewers.contains(actor.username());
    }

    public Changed<Feedback> changeStatus(ReportStatus to, String note, Actor actor, Instant now) {
        if (!isProblemReport()) {
            throw new ConflictException("A vote without a reason is not a problem report.");
        }
        if (!isTriagedBy(actor)) {
            throw new ForbiddenException("Only this content's medical reviewers and editors triage its reports.");
        }
        if (to == ReportStatus.NEW || !status.next().contains(to)) {
            throw new ConflictException("A " + status + " report cannot become " + to + ".");
        }
        if ((to == ReportStatus.DISMISSED || to == ReportStatus.RESOLVED) && (note == null || note.isBlank())) {
            throw new InvalidInputException(
                    "note", "say how the report was " + to.name().toLowerCase());
        }
        List<StatusChange> history = new ArrayList<>(statusHistory);
        history.add(new StatusChange(status, to, actor.username(), note, now));
        return Changed.of(
                new Feedback(
                        id,
                        targetType,
                        targetId,
                        targetSlug,
                        targetTitle,
                        targetRevision,
                        reviewers,
                        author,
                        helpful,
                        reason,
                        comment,
                        tryingTo,
                        flags,
                        to,
                        history,
                        submittedAt,
                        answeredAt,
                        voteKey,
                        dedupeKey,
                        version),
                event(
                        EventType.REPORT_STATUS_CHANGED,
                        new ReportStatusChanged(
                                id, targetType.name(), targetId, status.name(), to.name(), actor.username(), now)));
    }

    /** Feedback events are keyed by the content they are about: its summary counts them in order. */
    public IntegrationEvent event(EventType type, Object data) {
        return new IntegrationEvent(type, targetId, targetSlug, data);
    }
}
