package com.healthcontent.exercises.exercise;

import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewRound;
import com.healthcontent.editorial.review.WorkflowStep;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.ReviewDecided;
import com.healthcontent.events.ReviewRequested;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An exercise and its medical review, the same workflow as an article's: authors change the working copy
 * ({@code draft}), medical reviewers approve it, an editor publishes it. {@code content} is what readers get, the
 * approved version, and it only changes on publication: editing a live exercise is a revision that readers (and
 * the articles embedding the exercise) never see before it is approved and published. Every step returns the new
 * exercise with the events other services must hear of ({@link Changed}).
 */
@Document("exercises")
@PublishesEvents
public record Exercise(
        @Id String id,
        @Indexed(unique = true) String slug,
        ExerciseContent content,
        ExerciseContent draft,
        String author,
        @Indexed List<String> medicalReviewers,
        List<MedicalReview> approvals,
        List<MedicalReview> reviewedBy,
        ExerciseStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant publishedAt,
        Instant lastPublishedAt,
        Instant retiredAt,
        Instant nextReviewDue,
        Integer publications,
        @Indexed String searchText,
        @Indexed Integer sessionSeconds,
        List<WorkflowStep> history,
        @Version Long version) {

    /** When a published exercise is due for its next medical review, as for articles. */
    public static final Duration REVIEW_INTERVAL = Duration.ofDays(365);

    private static final Set<ExerciseStatus> EDITABLE = EnumSet.of(
            ExerciseStatus.DRAFT, ExerciseStatus.CHANGES_REQUESTED, ExerciseStatus.APPROVED, ExerciseStatus.PUBLISHED);
    private static final Set<ExerciseStatus> SUBMITTABLE =
            EnumSet.of(ExerciseStatus.DRAFT, ExerciseStatus.CHANGES_REQUESTED);

    public Exercise {
        // Documents written before exercises were reviewed had one content, live as soon as it was published.
        draft = draft == null ? content : draft;
        content = publishedAt == null ? null : content;
        publications = publications != null ? publications : content == null ? 0 : 1;
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        reviewedBy = reviewedBy == null ? List.of() : List.copyOf(reviewedBy);
        history = history == null ? List.of() : List.copyOf(history);
        // Derived from the live version, stored only so that lists can filter and search on it.
        searchText = content == null ? null : content.searchText();
        sessionSeconds = content == null ? null : content.dose().maxSessionSeconds();
    }

    public static Exercise draft(String slug, ExerciseContent draft, Actor actor, Instant now) {
        requireAuthorOrEditor(actor, actor.username());
        WorkflowStep created =
                new WorkflowStep(now, actor.username(), "created", null, ExerciseStatus.DRAFT.name(), null);
        return new Exercise(
                UUID.randomUUID().toString(),
                slug,
                null,
                draft,
                actor.username(),
                List.of(),
                List.of(),
                List.of(),
                ExerciseStatus.DRAFT,
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                List.of(created),
                null);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    /** Readers can open it: it has an approved, published version (a retired one shows with a notice). */
    public boolean isLive() {
        return content != null;
    }

    /** It is recommended: live and not retired. Only these are listed, planned and put in routines. */
    public boolean isListed() {
        return content != null && status != ExerciseStatus.RETIRED;
    }

    /** Whether the actor may change it at all (403), checked before anything about the request itself. */
    public void requireWriter(Actor actor) {
        requireAuthorOrEditor(actor, author);
    }

    public ReviewRound reviewRound() {
        return new ReviewRound(medicalReviewers, approvals);
    }

    /** Replaces the working copy; on a live exercise this starts a revision and readers keep the approved one. */
    public Changed<Exercise> edit(ExerciseContent newDraft, Actor actor, Instant now) {
        requireAuthorOrEditor(actor, author);
        if (!EDITABLE.contains(status)) {
            throw new ConflictException("Exercise '" + slug + "' is " + status + "; it cannot be edited"
                    + (status == ExerciseStatus.IN_REVIEW ? " until its review ends (or it is withdrawn)." : "."));
        }
        return next(ExerciseStatus.DRAFT, now)
                .draft(newDraft)
                .round(ReviewRound.none())
                .done(actor, content != null ? "revision started" : "edited", null);
    }

    public Changed<Exercise> submit(List<StaffProfile> reviewers, Actor actor, Instant now) {
        requireAuthorOrEditor(actor, author);
        if (!SUBMITTABLE.contains(status)) {
            throw new ConflictException("Only a draft or an exercise with requested changes can be submitted; '" + slug
                    + "' is " + status + " (edit it to start a revision).");
        }
        ReviewRound round = ReviewRound.askedOf(reviewers, author, actor);
        return next(ExerciseStatus.IN_REVIEW, now)
                .round(round)
                .submittedAt(now)
                .event(EventType.EXERCISE_REVIEW_REQUESTED, reviewRequested(round.reviewers(), actor, now))
                .done(actor, "submitted for review to " + names(reviewers), null);
    }

    public Changed<Exercise> withdraw(String reason, Actor actor, Instant now) {
        requireAuthorOrEditor(actor, author);
        if (status != ExerciseStatus.IN_REVIEW) {
            throw new ConflictException(
                    "Only an exercise in review can be withdrawn; '" + slug + "' is " + status + ".");
        }
        return next(ExerciseStatus.DRAFT, now).round(ReviewRound.none()).done(actor, "withdrawn from review", reason);
    }

    public Changed<Exercise> reassign(List<StaffProfile> reviewers, Actor actor, Instant now) {
        requireEditor(actor);
        if (status != ExerciseStatus.IN_REVIEW) {
            throw new ConflictException(
                    "Reviewers can only be changed while the exercise is in review; '" + slug + "' is " + status + ".");
        }
        ReviewRound round = reviewRound().reassignedTo(reviewers, author, actor);
        List<String> newlyAsked = round.reviewers().stream()
                .filter(r -> !medicalReviewers.contains(r))
                .toList();
        Next next = next(round.approvedByAll() ? ExerciseStatus.APPROVED : ExerciseStatus.IN_REVIEW, now)
                .round(round);
        if (!newlyAsked.isEmpty()) {
            next.event(EventType.EXERCISE_REVIEW_REQUESTED, reviewRequested(newlyAsked, actor, now));
        }
        return next.done(actor, "reviewers changed to " + names(reviewers), null);
    }

    public Changed<Exercise> review(boolean approved, String notes, StaffProfile reviewer, Actor actor, Instant now) {
        if (!actor.has(Role.MEDICAL_REVIEWER)
                || !medicalReviewers.contains(actor.username())
                || actor.username().equals(author)) {
            throw new ForbiddenException("Only a medical reviewer assigned to this exercise may review it.");
        }
        if (status != ExerciseStatus.IN_REVIEW) {
            throw new ConflictException("Exercise '" + slug + "' is " + status + ", not IN_REVIEW.");
        }
        if (!approved) {
            return next(ExerciseStatus.CHANGES_REQUESTED, now)
                    .round(ReviewRound.none())
                    .event(EventType.EXERCISE_REVIEW_DECIDED, reviewDecided(actor, "CHANGES_REQUESTED", notes, now))
                    .done(actor, "requested changes", notes);
        }
        ReviewRound round = reviewRound().approvedBy(reviewer, now);
        Next next = next(round.approvedByAll() ? ExerciseStatus.APPROVED : ExerciseStatus.IN_REVIEW, now)
                .round(round);
        if (round.approvedByAll()) {
            next.event(EventType.EXERCISE_REVIEW_DECIDED, reviewDecided(actor, "APPROVED", notes, now));
        }
        return next.done(actor, "approved", notes);
    }

    /** Makes the approved working copy what readers get, with the reviewers who approved it. */
    public Changed<Exercise> publish(Actor actor, Instant now) {
        requireEditor(actor);
        if (status != ExerciseStatus.APPROVED) {
            throw new ConflictException(
                    "Only an approved exercise can be published; '" + slug + "' is " + status + ".");
        }
        boolean first = content == null;
        Next next = next(ExerciseStatus.PUBLISHED, now)
                .live(draft, approvals)
                .nextReviewDue(reviewRound().approvedAt(now).plus(REVIEW_INTERVAL));
        Changed<Exercise> published =
                next.done(actor, first ? "published" : "republished as revision " + (publications + 1), null);
        // what other services keep is the new live version, so the event is made from the published exercise
        return published.and(new IntegrationEvent(
                first ? EventType.EXERCISE_PUBLISHED : EventType.EXERCISE_UPDATED,
                id,
                slug,
                published.aggregate().publishedEvent()));
    }

    public Changed<Exercise> retire(Actor actor, Instant now) {
        requireEditor(actor);
        if (content == null || status == ExerciseStatus.RETIRED) {
            throw new ConflictException("Only a live exercise can be retired; '" + slug + "' is " + status + ".");
        }
        return next(ExerciseStatus.RETIRED, now)
                .round(ReviewRound.none())
                .retiredAt(now)
                .event(EventType.EXERCISE_RETIRED, new ExerciseRetired(id, slug, now, nextVersion()))
                .done(actor, "retired", null);
    }

    private long nextVersion() {
        return currentVersion() + 1;
    }

    /** What other services keep of the live version; its version orders the events of one exercise. */
    private ExercisePublished publishedEvent() {
        return new ExercisePublished(
                id,
                slug,
                content.name(),
                content.summary(),
                content.bodyRegions().stream().map(Enum::name).toList(),
                content.position().name(),
                author,
                reviewedBy.stream().map(MedicalReview::reviewer).toList(),
                publishedAt,
                nextVersion());
    }

    private ReviewRequested reviewRequested(List<String> reviewers, Actor actor, Instant now) {
        return new ReviewRequested("EXERCISE", id, slug, draft.name(), author, reviewers, actor.username(), now);
    }

    private ReviewDecided reviewDecided(Actor reviewer, String outcome, String notes, Instant now) {
        return new ReviewDecided("EXERCISE", id, slug, draft.name(), author, reviewer.username(), outcome, notes, now);
    }

    private static String names(List<StaffProfile> people) {
        return people.stream().map(StaffProfile::name).distinct().collect(Collectors.joining(", "));
    }

    private static void requireAuthorOrEditor(Actor actor, String author) {
        boolean ownAuthor = actor.has(Role.AUTHOR) && actor.username().equals(author);
        if (!ownAuthor && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only the exercise's author or an editor may do this.");
        }
    }

    private static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only editors publish and retire exercises.");
        }
    }

    private Next next(ExerciseStatus newStatus, Instant now) {
        return new Next(this, newStatus, now);
    }

    /** The exercise after a step, built from this one; {@link #done} records the step. */
    private static final class Next {

        private final Exercise from;
        private final ExerciseStatus status;
        private final Instant now;
        private ExerciseContent content;
        private ExerciseContent draft;
        private ReviewRound round;
        private List<MedicalReview> reviewedBy;
        private Instant submittedAt;
        private Instant publishedAt;
        private Instant lastPublishedAt;
        private Instant retiredAt;
        private Instant nextReviewDue;
        private int publications;
        private final List<IntegrationEvent> events = new ArrayList<>();

        Next(Exercise from, ExerciseStatus status, Instant now) {
            this.from = from;
            this.status = status;
            this.now = now;
            this.content = from.content;
            this.draft = from.draft;
            this.round = from.reviewRound();
            this.reviewedBy = from.reviewedBy;
            this.submittedAt = from.submittedAt;
            this.publishedAt = from.publishedAt;
            this.lastPublishedAt = from.lastPublishedAt;
            this.retiredAt = from.retiredAt;
            this.nextReviewDue = from.nextReviewDue;
            this.publications = from.publications;
        }

        Next draft(ExerciseContent newDraft) {
            this.draft = newDraft;
            return this;
        }

        Next round(ReviewRound newRound) {
            this.round = newRound;
            return this;
        }

        Next submittedAt(Instant at) {
            this.submittedAt = at;
            return this;
        }

        Next live(ExerciseContent approved, List<MedicalReview> approvers) {
            this.content = approved;
            this.reviewedBy = approvers;
            this.publishedAt = from.publishedAt == null ? now : from.publishedAt;
            this.lastPublishedAt = now;
            this.publications = from.publications + 1;
            return this;
        }

        Next retiredAt(Instant at) {
            this.retiredAt = at;
            return this;
        }

        Next nextReviewDue(Instant due) {
            this.nextReviewDue = due;
            return this;
        }

        Next event(EventType type, Object data) {
            events.add(new IntegrationEvent(type, from.id, from.slug, data));
            return this;
        }

        /** The new exercise, with the step recorded in its history, and the events the step raised. */
        Changed<Exercise> done(Actor actor, String action, String notes) {
            List<WorkflowStep> steps = new ArrayList<>(from.history);
            steps.add(new WorkflowStep(now, actor.username(), action, from.status.name(), status.name(), notes));
            Exercise exercise = new Exercise(
                    from.id,
                    from.slug,
                    content,
                    draft,
                    from.author,
                    round.reviewers(),
                    round.approvals(),
                    reviewedBy,
                    status,
                    from.createdAt,
                    now,
                    status == ExerciseStatus.IN_REVIEW ? submittedAt : null,
                    publishedAt,
                    lastPublishedAt,
                    retiredAt,
                    nextReviewDue,
                    publications,
                    null,
                    null,
                    steps,
                    from.version);
            return new Changed<>(exercise, events);
        }
    }
}
