package com.healthcontent.exercises.routine;

import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.ReviewDue;
import com.healthcontent.events.RoutinePublished;
import com.healthcontent.events.RoutineUnpublished;
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
 * An ordered set of exercises with a goal ("ease back stiffness"), done together, with doses that may replace the
 * exercises' own. Its doses tell readers what to do, so it goes through the same medical review as an exercise: the
 * working copy ({@code draft}) is reviewed, and readers get {@code live}, the approved version, which changes only
 * when a revision is published.
 */
@Document("routines")
@PublishesEvents
public record Routine(
        @Id String id,
        @Indexed(unique = true) String slug,
        RoutineContent draft,
        RoutineContent live,
        List<MedicalReview> reviewedBy,
        @Unwrapped.Empty Workflow workflow,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant lastPublishedAt,
        @Version Long version) {

    public Routine {
        reviewedBy = reviewedBy == null ? List.of() : List.copyOf(reviewedBy);
    }

    static Routine draft(String slug, RoutineContent content, Actor actor, Instant now) {
        Workflow workflow = Workflow.started(ContentKind.ROUTINE, actor, now);
        return new Routine(
                UUID.randomUUID().toString(), slug, content, null, List.of(), workflow, now, now, null, null, null);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    public ContentStatus status() {
        return workflow.status();
    }

    public boolean isLive() {
        return live != null;
    }

    Changed<Routine> edit(RoutineContent content, Actor actor, Instant now) {
        return after(workflow.edit(subject(), isLive(), actor, now), content, live, reviewedBy, false);
    }

    Changed<Routine> submit(List<StaffProfile> reviewers, Actor actor, Instant now) {
        return after(workflow.submit(subject(), reviewers, actor, now), draft, live, reviewedBy, false);
    }

    Changed<Routine> withdraw(String reason, Actor actor, Instant now) {
        return after(workflow.withdraw(subject(), reason, actor, now), draft, live, reviewedBy, false);
    }

    Changed<Routine> reassign(List<StaffProfile> reviewers, Actor actor, Instant now) {
        return after(workflow.reassign(subject(), reviewers, actor, now), draft, live, reviewedBy, false);
    }

    Changed<Routine> review(boolean approved, String notes, StaffProfile reviewer, Actor actor, Instant now) {
        return after(workflow.review(subject(), approved, notes, reviewer, actor, now), draft, live, reviewedBy, false);
    }

    /** The approved working copy goes live with the reviewers who approved it. */
    Changed<Routine> publish(Actor actor, Instant now, ReviewPolicy policy, Workflow.Expiry expiry) {
        Workflow.Step step = workflow.publish(subject(), isLive(), actor, now, policy, expiry);
        List<MedicalReview> approvers = workflow.approvals();
        EventType type = isLive() ? EventType.ROUTINE_REVISED : EventType.ROUTINE_PUBLISHED;
        RoutinePublished published = new RoutinePublished(
                id,
                slug,
                draft.name(),
                draft.goal(),
                draft.exerciseIds(),
                workflow.author(),
                approvers.stream().map(MedicalReview::reviewer).toList(),
                now,
                step.workflow().publications());
        return after(step, draft, draft, approvers, true).and(event(type, published));
    }

    Changed<Routine> unpublish(String reason, Actor actor, Instant now) {
        return after(workflow.unpublish(subject(), reason, isLive(), actor, now), draft, null, reviewedBy, false)
                .and(event(EventType.ROUTINE_UNPUBLISHED, new RoutineUnpublished(id, slug, reason, now)));
    }

    /** Its publication period is over: unpublished by the platform with the reason its editor gave. */
    Changed<Routine> expire(Instant now) {
        Workflow.Step step = workflow.expire(subject(), isLive(), ContentStatus.UNPUBLISHED, now);
        String reason = workflow.expiry().reason();
        return after(step, draft, null, reviewedBy, false)
                .and(event(EventType.ROUTINE_UNPUBLISHED, new RoutineUnpublished(id, slug, reason, now)));
    }

    /** Flagged, or its periodic review fell due: it stays live, and the live version goes back to its reviewers. */
    Changed<Routine> needsReview(String reason, Actor actor, Instant now) {
        List<String> reviewers =
                reviewedBy.stream().map(MedicalReview::reviewer).toList();
        return after(workflow.needsReview(subject(), reason, actor, now), live, live, reviewedBy, false)
                .and(event(
                        EventType.ROUTINE_REVIEW_DUE,
                        new ReviewDue(ContentKind.ROUTINE.type(), id, slug, live.name(), reviewers, now)));
    }

    public Workflow.Subject subject() {
        return new Workflow.Subject(ContentKind.ROUTINE, id, slug, draft.name());
    }

    private IntegrationEvent event(EventType type, Object data) {
        return new IntegrationEvent(type, id, slug, data);
    }

    /** The routine after a workflow step; {@code publication}: the step made {@code newLive} what readers get. */
    private Changed<Routine> after(
            Workflow.Step step,
            RoutineContent newDraft,
            RoutineContent newLive,
            List<MedicalReview> approvers,
            boolean publication) {
        Routine routine = new Routine(
                id,
                slug,
                newDraft,
                newLive,
                approvers,
                step.workflow(),
                createdAt,
                step.at(),
                publishedAt == null && publication ? step.at() : publishedAt,
                publication ? step.at() : lastPublishedAt,
                version);
        return new Changed<>(routine, new ArrayList<>(step.events()));
    }
}
