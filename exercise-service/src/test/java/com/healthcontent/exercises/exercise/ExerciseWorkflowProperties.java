package com.healthcontent.exercises.exercise;

import com.healthcontent.editorial.review.ContentWorkflowProperties;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.servicedefaults.security.Actor;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The workflow's properties for exercises: flagged and retired; not scheduled, nor unpublished. */
class ExerciseWorkflowProperties extends ContentWorkflowProperties<Exercise> {

    @Override
    protected Exercise draft(Actor author, Instant now) {
        return Exercise.draft("knees-to-chest", content(0), author, now);
    }

    @Override
    protected Changed<Exercise> take(
            Action action, Exercise exercise, Actor actor, List<StaffProfile> reviewers, Instant now) {
        return switch (action) {
            case EDIT -> exercise.edit(content(exercise.workflow().history().size()), actor, now);
            case SUBMIT -> exercise.submit(checkedReviewers(reviewers), actor, now);
            case APPROVE -> exercise.review(true, "Dose checked.", self(actor), actor, now);
            case REQUEST_CHANGES -> exercise.review(false, "Hold shorter.", self(actor), actor, now);
            case WITHDRAW -> exercise.withdraw("Not ready after all.", actor, now);
            case REASSIGN -> exercise.reassign(checkedReviewers(reviewers), actor, now);
            case PUBLISH -> exercise.publish(actor, now, POLICY, null);
            case PUBLISH_UNTIL -> exercise.publish(actor, now, POLICY, period(now));
            case EXPIRE -> exercise.expire(now);
            case FLAG -> exercise.needsReview("New guideline.", actor, now);
            case RETIRE -> exercise.retire(actor, now);
            default -> throw new UnsupportedOperationException(action + " is not offered for exercises");
        };
    }

    @Override
    protected Workflow workflow(Exercise exercise) {
        return exercise.workflow();
    }

    @Override
    protected Object liveContent(Exercise exercise) {
        return exercise.content();
    }

    @Override
    protected Object draftContent(Exercise exercise) {
        return exercise.draft();
    }

    @Override
    protected List<MedicalReview> liveApprovals(Exercise exercise) {
        return exercise.reviewedBy();
    }

    @Override
    protected Set<EventType> publicationEvents() {
        return Set.of(EventType.EXERCISE_PUBLISHED, EventType.EXERCISE_UPDATED);
    }

    @Override
    protected Set<Action> actions() {
        return EnumSet.of(
                Action.EDIT,
                Action.SUBMIT,
                Action.APPROVE,
                Action.REQUEST_CHANGES,
                Action.WITHDRAW,
                Action.REASSIGN,
                Action.PUBLISH,
                Action.PUBLISH_UNTIL,
                Action.EXPIRE,
                Action.FLAG,
                Action.RETIRE);
    }

    /** A different hold for every edit, so that what goes live can be told from what was edited later. */
    static ExerciseContent content(int edit) {
        Dose dose = new Dose(1 + edit % 600, new Repetitions(1, 3), null, null, new Frequency(1, 2, Frequency.Per.DAY));
        return new ExerciseContent(
                "Knees-to-chest rock",
                "Hug both knees in.",
                List.of(BodyRegion.LOWER_BACK),
                Position.LYING_ON_BACK,
                List.of(),
                Difficulty.GENTLE,
                List.of("Lie down.", "Hug your knees."),
                dose,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of());
    }
}
