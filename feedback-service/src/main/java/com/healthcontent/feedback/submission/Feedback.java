package com.healthcontent.feedback.submission;

import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
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

    /**
     * The same reader's later answer on the same item within the amendment window: a changed vote, or the second
     * step ("what was wrong?") after a "No". What the later answer leaves out is kept when the direction stays
     * the same (details given first are not lost by a bare "No" again); a helpful vote has no reason. Returns this
     * feedback unchanged, without events, when nothing changes. A report that staff have started to triage is not changed under
     * them (409).
     */
    Changed<Feedback> amend(
            boolean newHelpful,
            ProblemReason newReason,
            String newComment,
            String newTryingTo,
            List<String> newFlags,
            String newDedupeKey,
            Instant now) {
        boolean sameDirection = newHelpful == helpful;
        ProblemReason reason = newHelpful ? null : newReason != null ? newReason : sameDirection ? this.reason : null;
        String comment = newComment != null ? newComment : sameDirection ? this.comment : null;
        List<String> flags = newComment != null ? newFlags : sameDirection ? this.flags : List.of();
        String tryingTo = newTryingTo != null ? newTryingTo : sameDirection ? this.tryingTo : null;
        if (newHelpful == helpful
                && reason == this.reason
                && Objects.equals(comment, this.comment)
                && Objects.equals(tryingTo, this.tryingTo)) {
            return Changed.of(this);
        }
        if (status != null && status != ReportStatus.NEW) {
            throw new ConflictException(
                    "Your report is already being looked at (" + status.name().toLowerCase()
                            + "); thank you. Send a new one tomorrow if something else is wrong.");
        }
        ReportStatus newStatus = reason == null ? null : ReportStatus.NEW;
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
                        newHelpful,
                        reason,
                        comment,
                        tryingTo,
                        flags,
                        newStatus,
                        statusHistory,
                        submittedAt,
                        voteKey,
                        newDedupeKey,
                        version),
                event(
                        EventType.FEEDBACK_CHANGED,
                        new FeedbackChanged(
                                id,
                                targetType.name(),
                                targetId,
                                targetSlug,
                                newHelpful,
                                reason == null ? null : reason.name(),
                                comment != null,
                                submittedAt,
                                helpful,
                                this.reason == null ? null : this.reason.name(),
                                now)));
    }

    /** Whether a later answer of the same reader may still change this one. */
    boolean amendableAt(Instant now, Duration window) {
        return !now.isAfter(submittedAt.plus(window));
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
