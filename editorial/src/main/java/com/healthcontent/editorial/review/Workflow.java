package com.healthcontent.editorial.review;

import static com.healthcontent.editorial.review.ContentStatus.APPROVED;
import static com.healthcontent.editorial.review.ContentStatus.CHANGES_REQUESTED;
import static com.healthcontent.editorial.review.ContentStatus.DRAFT;
import static com.healthcontent.editorial.review.ContentStatus.IN_REVIEW;
import static com.healthcontent.editorial.review.ContentStatus.NEEDS_REVIEW;
import static com.healthcontent.editorial.review.ContentStatus.PUBLISHED;
import static com.healthcontent.editorial.review.ContentStatus.RETIRED;
import static com.healthcontent.editorial.review.ContentStatus.SCHEDULED;
import static com.healthcontent.editorial.review.ContentStatus.UNPUBLISHED;

import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.ReviewDecided;
import com.healthcontent.events.ReviewRequested;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * The editorial and medical-review workflow of one piece of content, the same for articles, exercises and routines:
 * authors change the working copy, medical reviewers from the staff directory approve it (never its author, nor
 * whoever sent it), an editor publishes, schedules, unpublishes or retires it, and live content falls due for review
 * again. Each step checks who may take it (403) and from which state (409), moves only along {@link
 * ContentStatus#next()}, records itself in {@code history} and returns the review events it raises. What differs by
 * type (the content, its live version and the events about it) is the content type's own: a step tells it what
 * happened, it does the rest.
 *
 * <p>Stored inside the content's document, its fields at the top level (as they were before this type existed).
 */
public record Workflow(
        ContentStatus status,
        String author,
        @Indexed List<String> medicalReviewers,
        List<MedicalReview> approvals,
        Instant submittedAt,
        Instant nextReviewDue,
        @Indexed Instant scheduledFor,
        String scheduledBy,
        Integer publications,
        List<WorkflowStep> history,
        Expiry expiry) {

    private static final Set<ContentStatus> SUBMITTABLE = EnumSet.of(DRAFT, CHANGES_REQUESTED, NEEDS_REVIEW);

    public Workflow {
        publications = publications == null ? 0 : publications; // absent in documents written before it existed
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * Until when published content stays live ({@code at}) and why it is taken down then, as the editor who published
     * it said: a seasonal campaign, guidance valid until a date.
     */
    public record Expiry(@Indexed Instant at, String reason) {

        public Expiry {
            if (at == null) {
                throw new InvalidInputException("until", "give the time until which it stays published");
            }
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException("reason", "say why it is taken down at " + at);
            }
        }

        public boolean isOver(Instant now) {
            return !at.isAfter(now);
        }
    }

    /** The piece of content a step is about, as the events name it. */
    public record Subject(ContentKind kind, String id, String slug, String title) {}

    /** The workflow after a step taken at {@code at}, and the review events the step raised. */
    public record Step(Workflow workflow, Instant at, List<IntegrationEvent> events) {

        public Step {
            events = List.copyOf(events);
        }
    }

    /** A new draft, written by an author or an editor. */
    public static Workflow started(ContentKind kind, Actor actor, Instant now) {
        if (!actor.has(Role.AUTHOR) && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only authors and editors write " + kind.noun() + "s.");
        }
        WorkflowStep created = new WorkflowStep(now, actor.username(), "created", null, DRAFT.name(), null);
        return new Workflow(
                DRAFT, actor.username(), List.of(), List.of(), null, null, null, null, 0, List.of(created), null);
    }

    /**
     * This workflow counting at least {@code revision} publications: for documents written before publications were
     * counted, whose live version already has a revision number.
     */
    public Workflow publishedAtLeast(int revision) {
        return publications >= revision
                ? this
                : new Workflow(
                        status,
                        author,
                        medicalReviewers,
                        approvals,
                        submittedAt,
                        nextReviewDue,
                        scheduledFor,
                        scheduledBy,
                        revision,
                        history,
                        expiry);
    }

    public ReviewRound reviewRound() {
        return new ReviewRound(medicalReviewers, approvals);
    }

    /** Whether a scheduled publication has come due; it then publishes as the editor who scheduled it. */
    public boolean isDueForPublication(Instant now) {
        return status == SCHEDULED && scheduledFor != null && !scheduledFor.isAfter(now);
    }

    /** Whether live content has reached the end of the period it was published for. */
    public boolean isExpired(Instant now) {
        return expiry != null && expiry.isOver(now);
    }

    /** Whether the actor may change the content at all (403), checked before anything about the request itself. */
    public void requireWriter(ContentKind kind, Actor actor) {
        boolean ownAuthor = actor.has(Role.AUTHOR) && actor.username().equals(author);
        if (!ownAuthor && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only the " + kind.noun() + "'s author or an editor may do this.");
        }
    }

    /**
     * The working copy replaced. On live content this starts a revision: readers keep the approved version until the
     * revision is published.
     */
    public Step edit(Subject subject, boolean live, Actor actor, Instant now) {
        requireWriter(subject.kind(), actor);
        if (status == IN_REVIEW) {
            throw new ConflictException("The " + subject.kind().noun() + " is IN_REVIEW; it cannot be edited until the "
                    + "review ends (its author or an editor may withdraw it from review).");
        }
        boolean revising = live && EnumSet.of(PUBLISHED, NEEDS_REVIEW, RETIRED).contains(status);
        return move(DRAFT, now).round(ReviewRound.none()).done(actor, revising ? "revision started" : "edited", null);
    }

    /** The working copy sent to medical reviewers from the staff directory; nobody reviews their own work. */
    public Step submit(Subject subject, List<StaffProfile> reviewers, Actor actor, Instant now) {
        requireWriter(subject.kind(), actor);
        if (!SUBMITTABLE.contains(status)) {
            throw new ConflictException("Only a draft, a " + subject.kind().noun() + " with requested changes or one "
                    + "due for review can be submitted; this one is " + status + " (edit it to start a revision).");
        }
        ReviewRound round = ReviewRound.askedOf(reviewers, author, actor);
        return move(IN_REVIEW, now)
                .round(round)
                .submittedAt(now)
                .event(
                        subject.kind().reviewRequested(),
                        subject,
                        reviewRequested(subject, round.reviewers(), actor, now))
                .done(actor, "submitted for review to " + names(reviewers), null);
    }

    /** The author or an editor takes a submission back: the reviewers are released, the draft can change again. */
    public Step withdraw(Subject subject, String reason, Actor actor, Instant now) {
        requireWriter(subject.kind(), actor);
        if (status != IN_REVIEW) {
            throw new ConflictException(
                    "Only a " + subject.kind().noun() + " in review can be withdrawn; this one is " + status + ".");
        }
        return move(DRAFT, now).round(ReviewRound.none()).done(actor, "withdrawn from review", reason);
    }

    /** An editor asks other reviewers; approvals of those who stay assigned still count. */
    public Step reassign(Subject subject, List<StaffProfile> reviewers, Actor actor, Instant now) {
        requireEditor(actor);
        if (status != IN_REVIEW) {
            throw new ConflictException("Reviewers can only be changed while the "
                    + subject.kind().noun() + " is in review; it is " + status + ".");
        }
        ReviewRound round = reviewRound().reassignedTo(reviewers, author, actor);
        List<String> newlyAsked = round.reviewers().stream()
                .filter(r -> !medicalReviewers.contains(r))
                .toList();
        Next next = move(round.approvedByAll() ? APPROVED : IN_REVIEW, now).round(round);
        if (!newlyAsked.isEmpty()) {
            next.event(subject.kind().reviewRequested(), subject, reviewRequested(subject, newlyAsked, actor, now));
        }
        return next.done(actor, "reviewers changed to " + names(reviewers), null);
    }

    /**
     * An assigned reviewer's verdict. Changes requested by any reviewer send it back; it is approved when every
     * assigned reviewer has approved. The author hears of either outcome.
     */
    public Step review(
            Subject subject, boolean approved, String notes, StaffProfile reviewer, Actor actor, Instant now) {
        String noun = subject.kind().noun();
        if (!actor.has(Role.MEDICAL_REVIEWER) || !medicalReviewers.contains(actor.username())) {
            throw new ForbiddenException("Only a medical reviewer assigned to this " + noun + " may review it.");
        }
        if (actor.username().equals(author)) {
            throw new ForbiddenException("Nobody reviews their own " + noun + ".");
        }
        if (status != IN_REVIEW) {
            throw new ConflictException("The " + noun + " is " + status + ", not IN_REVIEW.");
        }
        if (!approved) {
            return move(CHANGES_REQUESTED, now)
                    .round(ReviewRound.none())
                    .event(
                            subject.kind().reviewDecided(),
                            subject,
                            reviewDecided(subject, actor, "CHANGES_REQUESTED", notes, now))
                    .done(actor, "requested changes", notes);
        }
        ReviewRound round = reviewRound().approvedBy(reviewer, now);
        Next next = move(round.approvedByAll() ? APPROVED : IN_REVIEW, now).round(round);
        if (round.approvedByAll()) {
            next.event(subject.kind().reviewDecided(), subject, reviewDecided(subject, actor, "APPROVED", notes, now));
        }
        return next.done(actor, "approved", notes);
    }

    /** An editor sets the approved working copy to go live at a future time; any other step cancels that. */
    public Step schedule(Subject subject, Instant at, Actor actor, Instant now) {
        return schedule(subject, at, null, actor, now);
    }

    /** A scheduled publication that is live until {@code expiry} (null: until an editor takes it down). */
    public Step schedule(Subject subject, Instant at, Expiry expiry, Actor actor, Instant now) {
        requireEditor(actor);
        if (status != APPROVED) {
            throw new ConflictException(
                    "Only an approved " + subject.kind().noun() + " can be scheduled; this one is " + status + ".");
        }
        if (!at.isAfter(now)) {
            throw new InvalidInputException("at", "must be in the future");
        }
        if (expiry != null && !expiry.at().isAfter(at)) {
            throw new InvalidInputException("until", "must be after the publication time " + at);
        }
        return move(SCHEDULED, now)
                .scheduled(at, actor.username())
                .expiry(expiry)
                .done(actor, "scheduled for publication at " + at + until(expiry), null);
    }

    public Step cancelSchedule(Subject subject, Actor actor, Instant now) {
        requireEditor(actor);
        if (status != SCHEDULED) {
            throw new ConflictException("The " + subject.kind().noun() + " is not scheduled; it is " + status + ".");
        }
        return move(APPROVED, now).expiry(null).done(actor, "scheduled publication cancelled", null);
    }

    /**
     * The approved working copy becomes the live version (the content type makes it so, with {@link #approvals()}):
     * a first publication, or a revision replacing the live one. Publications are counted also across an
     * unpublication, so the count is the new live version's revision number and consumers can order them.
     */
    public Step publish(Subject subject, boolean live, Actor actor, Instant now, ReviewPolicy policy) {
        return publish(subject, live, actor, now, policy, null);
    }

    /**
     * A publication live until {@code expiry} (null: until an editor takes it down; a scheduled one keeps the period
     * it was scheduled with). Each publication says its own period: a revision published without one stays live.
     */
    public Step publish(Subject subject, boolean live, Actor actor, Instant now, ReviewPolicy policy, Expiry expiry) {
        requireEditor(actor);
        if (status == SCHEDULED && !isDueForPublication(now)) {
            throw new ConflictException("The " + subject.kind().noun() + " is scheduled for " + scheduledFor
                    + "; cancel the schedule to publish it now.");
        }
        if (status != APPROVED && status != SCHEDULED) {
            throw new ConflictException(
                    "Only an approved " + subject.kind().noun() + " can be published; this one is " + status + ".");
        }
        if (expiry != null && expiry.isOver(now)) {
            throw new InvalidInputException("until", "must be in the future");
        }
        Expiry period = expiry != null ? expiry : status == SCHEDULED ? this.expiry : null;
        int revision = publications + 1;
        return move(PUBLISHED, now)
                .publications(revision)
                .nextReviewDue(policy.nextReviewDue(subject.id(), reviewRound().approvedAt(now)))
                .expiry(period)
                .done(actor, (live ? "republished as revision " + revision : "published") + until(period), null);
    }

    /** An editor takes live content down, saying why; readers get "withdrawn" instead of the page. */
    public Step unpublish(Subject subject, String reason, boolean live, Actor actor, Instant now) {
        requireEditor(actor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(
                    "reason", "say why the " + subject.kind().noun() + " is taken down");
        }
        if (!live || status == UNPUBLISHED) {
            throw new ConflictException("The " + subject.kind().noun() + " is not published.");
        }
        return move(UNPUBLISHED, now)
                .round(ReviewRound.none())
                .nextReviewDue(null)
                .expiry(null)
                .done(actor, "unpublished", reason);
    }

    /**
     * The platform ends a publication whose period is over, as its editor asked when publishing: the content is
     * unpublished, or retired ({@code ending}) where a type keeps retired content readable, with the editor's reason.
     */
    public Step expire(Subject subject, boolean live, ContentStatus ending, Instant now) {
        if (ending != UNPUBLISHED && ending != RETIRED) {
            throw new IllegalArgumentException("a publication period ends in UNPUBLISHED or RETIRED, not " + ending);
        }
        if (!live || !isExpired(now) || status == UNPUBLISHED || status == RETIRED) {
            throw new ConflictException("The " + subject.kind().noun() + " has no publication period that is over.");
        }
        return move(ending, now)
                .round(ReviewRound.none())
                .nextReviewDue(null)
                .expiry(null)
                .done(null, ending == UNPUBLISHED ? "unpublished" : "retired", expiry.reason());
    }

    /**
     * An editor stops recommending live content: it leaves every list but stays readable where it is linked. A
     * revision published later brings it back.
     */
    public Step retire(Subject subject, boolean live, Actor actor, Instant now) {
        requireEditor(actor);
        if (!live || status == RETIRED || status == UNPUBLISHED) {
            throw new ConflictException(
                    "Only a live " + subject.kind().noun() + " can be retired; this one is " + status + ".");
        }
        return move(RETIRED, now)
                .round(ReviewRound.none())
                .nextReviewDue(null)
                .expiry(null)
                .done(actor, "retired", null);
    }

    /**
     * A reviewer or an editor flags live content, or its periodic review fell due ({@code actor} null: the platform
     * itself): it stays live and its working copy, the live version again, goes back to review.
     */
    public Step needsReview(Subject subject, String reason, Actor actor, Instant now) {
        if (actor != null && !actor.has(Role.MEDICAL_REVIEWER) && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only medical reviewers and editors flag content for review.");
        }
        if (status != PUBLISHED) {
            throw new ConflictException("Only a published " + subject.kind().noun()
                    + " without a revision under way can be flagged; this one is " + status + ".");
        }
        return move(NEEDS_REVIEW, now).round(ReviewRound.none()).done(actor, "needs review", reason);
    }

    private ReviewRequested reviewRequested(Subject subject, List<String> reviewers, Actor actor, Instant now) {
        return new ReviewRequested(
                subject.kind().type(),
                subject.id(),
                subject.slug(),
                subject.title(),
                author,
                reviewers,
                actor.username(),
                now);
    }

    private ReviewDecided reviewDecided(Subject subject, Actor reviewer, String outcome, String notes, Instant now) {
        return new ReviewDecided(
                subject.kind().type(),
                subject.id(),
                subject.slug(),
                subject.title(),
                author,
                reviewer.username(),
                outcome,
                notes,
                now);
    }

    private static String names(List<StaffProfile> people) {
        return people.stream().map(StaffProfile::name).distinct().collect(Collectors.joining(", "));
    }

    private static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only editors may do this.");
        }
    }

    /**
     * The workflow after a step: this one moved to {@code status} (a move the transition table allows), with the
     * schedule cleared (any step but scheduling ends a schedule).
     */
    private static String until(Expiry expiry) {
        return expiry == null ? "" : " until " + expiry.at();
    }

    private Next move(ContentStatus newStatus, Instant now) {
        if (!status.next().contains(newStatus)) {
            throw new IllegalStateException("No step moves content from " + status + " to " + newStatus);
        }
        return new Next(this, newStatus, now);
    }

    private static final class Next {

        private final Workflow from;
        private final ContentStatus status;
        private final Instant now;
        private ReviewRound round;
        private Instant submittedAt;
        private Instant nextReviewDue;
        private Instant scheduledFor;
        private String scheduledBy;
        private int publications;
        private Expiry expiry;
        private final List<IntegrationEvent> events = new ArrayList<>();

        Next(Workflow from, ContentStatus status, Instant now) {
            this.from = from;
            this.status = status;
            this.now = now;
            this.round = from.reviewRound();
            this.submittedAt = from.submittedAt;
            this.nextReviewDue = from.nextReviewDue;
            this.publications = from.publications;
            this.expiry = from.expiry;
        }

        Next round(ReviewRound newRound) {
            this.round = newRound;
            return this;
        }

        Next submittedAt(Instant at) {
            this.submittedAt = at;
            return this;
        }

        Next nextReviewDue(Instant due) {
            this.nextReviewDue = due;
            return this;
        }

        Next scheduled(Instant at, String by) {
            this.scheduledFor = at;
            this.scheduledBy = by;
            return this;
        }

        Next expiry(Expiry period) {
            this.expiry = period;
            return this;
        }

        Next publications(int count) {
            this.publications = count;
            return this;
        }

        Next event(EventType type, Subject subject, Object data) {
            events.add(new IntegrationEvent(type, subject.id(), subject.slug(), data));
            return this;
        }

        /** The new workflow, with the step recorded in its history, and the events the step raised. */
        Step done(Actor actor, String action, String notes) {
            List<WorkflowStep> steps = new ArrayList<>(from.history);
            steps.add(new WorkflowStep(
                    now,
                    actor == null ? WorkflowStep.SYSTEM : actor.username(),
                    action,
                    from.status.name(),
                    status.name(),
                    notes));
            Workflow workflow = new Workflow(
                    status,
                    from.author,
                    round.reviewers(),
                    round.approvals(),
                    status == IN_REVIEW ? submittedAt : null,
                    nextReviewDue,
                    scheduledFor,
                    scheduledBy,
                    publications,
                    steps,
                    expiry);
            return new Step(workflow, now, events);
        }
    }
}
