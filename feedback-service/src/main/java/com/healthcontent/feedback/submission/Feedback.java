package com.healthcontent.feedback.submission;

import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.ReportStatusChanged;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.triage.ReportStatus;
import com.healthcontent.feedback.triage.StatusChange;
import com.healthcontent.messaging.outbox.IntegrationEvents;
import com.healthcontent.messaging.outbox.OutboxEvent;
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
 * One reader's feedback, stored with its events in one write: accepted feedback is stored and published, or
 * neither. With a reason it is a problem report, triaged by the content's reviewers. The comment is plain text
 * with personal data masked, never rendered as HTML here; the reader is known only by keyed hashes used to refuse
 * a second vote the same day ({@code voteKey}) and to count an identical resubmission once ({@code dedupeKey}).
 */
@Document("feedback")
@CompoundIndexes({
    @CompoundIndex(name = "target", def = "{'targetType': 1, 'targetId': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "triage", def = "{'reviewers': 1, 'status': 1, 'submittedAt': -1}")})
public record Feedback(
        @Id String id,
        ContentType targetType,
        String targetId,
        String targetSlug,
        String targetTitle,
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
        @Version Long version,
        List<OutboxEvent> outbox) {

    public Feedback {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        flags = flags == null ? List.of() : List.copyOf(flags);
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /**
     * The same reader's later answer on the same item within the amendment window: a changed vote, or the second
     * step ("what was wrong?") after a "No". What the later answer leaves out is kept when the direction stays
     * the same (details given first are not lost by a bare "No" again); a helpful vote has no reason. Returns this
     * feedback unchanged when nothing changes. A report that staff have started to triage is not changed under
     * them (409).
     */
    Feedback amend(boolean newHelpful, ProblemReason newReason, String newComment, String newTryingTo,
            List<String> newFlags, String newDedupeKey, Instant now, IntegrationEvents events) {
        boolean sameDirection = newHelpful == helpful;
        ProblemReason reason = newHelpful ? null : newReason != null ? newReason : sameDirection ? this.reason : null;
        String comment = newComment != null ? newComment : sameDirection ? this.comment : null;
        List<String> flags = newComment != null ? newFlags : sameDirection ? this.flags : List.of();
        String tryingTo = newTryingTo != null ? newTryingTo : sameDirection ? this.tryingTo : null;
        if (newHelpful == helpful && reason == this.reason && Objects.equals(comment, this.comment)
                && Objects.equals(tryingTo, this.tryingTo)) {
            return this;
        }
        if (status != null && status != ReportStatus.NEW) {
            throw new ConflictException("Your report is already being looked at (" + status.name().toLowerCase()
                    + "); thank you. Send a new one tomorrow if something else is wrong.");
        }
        ReportStatus newStatus = reason == null ? null : ReportStatus.NEW;
        List<OutboxEvent> pending = new ArrayList<>(outbox);
        pending.add(events.create(EventType.FEEDBACK_CHANGED, targetId, targetSlug, new FeedbackChanged(id,
                targetType.name(), targetId, targetSlug, newHelpful, reason == null ? null : reason.name(),
                comment != null, submittedAt, helpful, this.reason == null ? null : this.reason.name(), now)));
        return new Feedback(id, targetType, targetId, targetSlug, targetTitle, reviewers, author, newHelpful, reason,
                comment, tryingTo, flags, newStatus, statusHistory, submittedAt, voteKey, newDedupeKey, version,
                pending);
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

    public Feedback changeStatus(ReportStatus to, String note, Actor actor, Instant now, IntegrationEvents events) {
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
            throw new InvalidInputException("note", "say how the report was " + to.name().toLowerCase());
        }
        List<StatusChange> history = new ArrayList<>(statusHistory);
        history.add(new StatusChange(status, to, actor.username(), note, now));
        List<OutboxEvent> pending = new ArrayList<>(outbox);
        pending.add(events.create(EventType.REPORT_STATUS_CHANGED, targetId, targetSlug, new ReportStatusChanged(id,
                targetType.name(), targetId, status.name(), to.name(), actor.username(), now)));
        return new Feedback(id, targetType, targetId, targetSlug, targetTitle, reviewers, author, helpful, reason,
                comment, tryingTo, flags, to, history, submittedAt, voteKey, dedupeKey, version, pending);
    }
}
