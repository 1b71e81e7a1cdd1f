package com.healthcontent.exercises.exercise;

import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.ReviewDue;
import com.healthcontent.servicedefaults.security.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * An exercise and its medical review, the same {@link Workflow} as an article's: authors change the working copy
 * ({@code draft}), medical reviewers approve it, an editor publishes it. {@code content} is what readers get, the
 * approved version, and it only changes on publication: editing a live exercise is a revision that readers (and
 * the articles embedding the exercise) never see before it is approved and published. A retired exercise stays
 * readable where it is linked but leaves every list until a revision of it is published. Every step returns the
 * new exercise with the events other services must hear of ({@link Changed}).
 */
@Document("exercises")
@PublishesEvents
public record Exercise(
        @Id String id,
        @Indexed(unique = true) String slug,
        ExerciseContent content,
        ExerciseContent draft,
        List<MedicalReview> reviewedBy,
        @Unwrapped.Empty Workflow workflow,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant lastPublishedAt,
        Instant retiredAt,
        @Indexed Integer sessionSeconds,
        @Version Long version) {

    public Exercise {
        // Documents written before exercises were reviewed had one content, live as soon as it was published.
        draft = draft == null ? content : draft;
        content = publishedAt == null ? null : content;
        reviewedBy = reviewedBy == null ? List.of() : List.copyOf(reviewedBy);
        if (content != null) {
            workflow = workflow.publishedAtLeast(1); // documents written before publications were counted
        }
        // Derived from the live version, stored only so that lists can filter on it.
        sessionSeconds = content == null ? null : content.dose().maxSessionSeconds();
    }

    public static Exercise draft(String slug, ExerciseContent draft, Actor actor, Instant now) {
        Workflow workflow = Workflow.started(ContentKind.EXERCISE, actor, now);
        return new Exercise(
                UUID.randomUUID().toString(),
                slug,
                null,
                draft,
                List.of(),
                workflow,
                now,
                now,
                null,
                null,
                null,
                null,
                null);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    public ContentStatus status() {
        return workflow.status();
    }

    public String author() {
        return workflow.author();
    }

    /** Readers can open it: it has an approved, published version (a retired one shows with a notice). */
    public boolean isLive() {
        return content != null;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    /** It is recommended: live and not retired. Only these are listed, planned and put in routines. */
    public boolean isListed() {
        return isLive() && !isRetired();
    }

    /** Replaces the working copy; on a live exercise this starts a revision and readers keep the approved one. */
    public Changed<Exercise> edit(ExerciseContent newDraft, Actor actor, Instant now) {
        return after(workflow.edit(subject(), isLive(), actor, now))
                .draft(newDraft)
                .done();
    }

    public Changed<Exercise> submit(List<StaffProfile> reviewers, Actor actor, Instant now) {
        return after(workflow.submit(subject(), reviewers, actor, now)).done();
    }

    public Changed<Exercise> withdraw(String reason, Actor actor, Instant now) {
        return after(workflow.withdraw(subject(), reason, actor, now)).done();
    }

    public Changed<Exercise> reassign(List<StaffProfile> reviewers, Actor actor, Instant now) {
        return after(workflow.reassign(subject(), reviewers, actor, now)).done();
    }

    public Changed<Exercise> review(boolean approved, String notes, StaffProfile reviewer, Actor actor, Instant now) {
        return after(workflow.review(subject(), approved, notes, reviewer, actor, now))
                .done();
    }

    /**
     * Makes the approved working copy what readers get, with the reviewers who approved it; a retired exercise is
     * listed again.
     */
    public Changed<Exercise> publish(Actor actor, Instant now, ReviewPolicy policy, Workflow.Expiry expiry) {
        boolean first = content == null;
        Changed<Exercise> published = after(workflow.publish(subject(), isLive(), actor, now, policy, expiry))
                .live(draft, workflow.approvals())
                .done();
        // what other services keep is the new live version, so the event is made from the published exercise
        return published.and(new IntegrationEvent(
                first ? EventType.EXERCISE_PUBLISHED : EventType.EXERCISE_UPDATED,
                id,
                slug,
                published.aggregate().publishedEvent()));
    }

    public Changed<Exercise> retire(Actor actor, Instant now) {
        return after(workflow.retire(subject(), isLive(), actor, now))
                .retiredAt(now)
                .event(EventType.EXERCISE_RETIRED, new ExerciseRetired(id, slug, now, nextVersion()))
                .done();
    }

    /**
     * Its publication period is over: retired by the platform, as an editor would (still readable where articles link
     * it, with the retirement notice), the editor's reason in its history.
     */
    public Changed<Exercise> expire(Instant now) {
        return after(workflow.expire(subject(), isLive(), ContentStatus.RETIRED, now))
                .retiredAt(now)
                .event(EventType.EXERCISE_RETIRED, new ExerciseRetired(id, slug, now, nextVersion()))
                .done();
    }

    /** A reviewer flags the live exercise, or its periodic review fell due: it stays live and goes back to review. */
    public Changed<Exercise> needsReview(String reason, Actor actor, Instant now) {
        List<String> reviewers =
                reviewedBy.stream().map(MedicalReview::reviewer).toList();
        return after(workflow.needsReview(subject(), reason, actor, now))
                .draft(content)
                .event(
                        EventType.EXERCISE_REVIEW_DUE,
                        new ReviewDue(ContentKind.EXERCISE.type(), id, slug, content.name(), reviewers, now))
                .done();
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
                author(),
                reviewedBy.stream().map(MedicalReview::reviewer).toList(),
                publishedAt,
                nextVersion());
    }

    private Workflow.Subject subject() {
        return new Workflow.Subject(ContentKind.EXERCISE, id, slug, draft.name());
    }

    private Next after(Workflow.Step step) {
        return new Next(this, step);
    }

    /** The exercise after a workflow step, built from this one; {@link #done} adds the step's own events. */
    private static final class Next {

        private final Exercise from;
        private final Workflow.Step step;
        private ExerciseContent content;
        private ExerciseContent draft;
        private List<MedicalReview> reviewedBy;
        private Instant publishedAt;
        private Instant lastPublishedAt;
        private Instant retiredAt;
        private final List<IntegrationEvent> events;

        Next(Exercise from, Workflow.Step step) {
            this.from = from;
            this.step = step;
            this.content = from.content;
            this.draft = from.draft;
            this.reviewedBy = from.reviewedBy;
            this.publishedAt = from.publishedAt;
            this.lastPublishedAt = from.lastPublishedAt;
            this.retiredAt = from.retiredAt;
            this.events = new ArrayList<>(step.events());
        }

        Next draft(ExerciseContent newDraft) {
            this.draft = newDraft;
            return this;
        }

        Next live(ExerciseContent approved, List<MedicalReview> approvers) {
            this.content = approved;
            this.reviewedBy = approvers;
            this.publishedAt = from.publishedAt == null ? step.at() : from.publishedAt;
            this.lastPublishedAt = step.at();
            this.retiredAt = null;
            return this;
        }

        Next retiredAt(Instant at) {
            this.retiredAt = at;
            return this;
        }

        Next event(EventType type, Object data) {
            events.add(new IntegrationEvent(type, from.id, from.slug, data));
            return this;
        }

        Changed<Exercise> done() {
            Exercise exercise = new Exercise(
                    from.id,
                    from.slug,
                    content,
                    draft,
                    reviewedBy,
                    step.workflow(),
                    from.createdAt,
                    step.at(),
                    publishedAt,
                    lastPublishedAt,
                    retiredAt,
                    null,
                    from.version);
            return new Changed<>(exercise, events);
        }
    }
}
