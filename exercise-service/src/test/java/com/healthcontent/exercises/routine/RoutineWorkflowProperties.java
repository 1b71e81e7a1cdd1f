package com.healthcontent.exercises.routine;

import com.healthcontent.editorial.review.ContentWorkflowProperties;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.exercises.exercise.Dose;
import com.healthcontent.exercises.exercise.Frequency;
import com.healthcontent.exercises.exercise.Repetitions;
import com.healthcontent.servicedefaults.security.Actor;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The workflow's properties for routines, whose doses are reviewed like an exercise's: flagged and unpublished. */
class RoutineWorkflowProperties extends ContentWorkflowProperties<Routine> {

    @Override
    protected Routine draft(Actor author, Instant now) {
        return Routine.draft("easing-a-stiff-back", content(0), author, now);
    }

    @Override
    protected Changed<Routine> take(
            Action action, Routine routine, Actor actor, List<StaffProfile> reviewers, Instant now) {
        return switch (action) {
            case EDIT -> routine.edit(content(routine.workflow().history().size()), actor, now);
            case SUBMIT -> routine.submit(checkedReviewers(reviewers), actor, now);
            case APPROVE -> routine.review(true, "Doses checked.", self(actor), actor, now);
            case REQUEST_CHANGES -> routine.review(false, "Too many holds.", self(actor), actor, now);
            case WITHDRAW -> routine.withdraw("Not ready after all.", actor, now);
            case REASSIGN -> routine.reassign(checkedReviewers(reviewers), actor, now);
            case PUBLISH -> routine.publish(actor, now, POLICY, null);
            case PUBLISH_UNTIL -> routine.publish(actor, now, POLICY, period(now));
            case EXPIRE -> routine.expire(now);
            case UNPUBLISH -> routine.unpublish("Replaced by a gentler routine.", actor, now);
            case UNPUBLISH_WITHOUT_REASON -> routine.unpublish("", actor, now);
            case FLAG -> routine.needsReview("New guideline.", actor, now);
            default -> throw new UnsupportedOperationException(action + " is not offered for routines");
        };
    }

    @Override
    protected Workflow workflow(Routine routine) {
        return routine.workflow();
    }

    @Override
    protected Object liveContent(Routine routine) {
        return routine.live();
    }

    @Override
    protected Object draftContent(Routine routine) {
        return routine.draft();
    }

    @Override
    protected List<MedicalReview> liveApprovals(Routine routine) {
        return routine.reviewedBy();
    }

    @Override
    protected Set<EventType> publicationEvents() {
        return Set.of(EventType.ROUTINE_PUBLISHED, EventType.ROUTINE_REVISED);
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
                Action.UNPUBLISH,
                Action.UNPUBLISH_WITHOUT_REASON,
                Action.FLAG);
    }

    /** A different dose override for every edit, so that what goes live can be told from what was edited later. */
    private static RoutineContent content(int edit) {
        Dose dose = new Dose(1 + edit % 600, new Repetitions(1, 2), null, null, new Frequency(1, 1, Frequency.Per.DAY));
        return new RoutineContent(
                "Easing a stiff back",
                "Loosen the lower back in five minutes.",
                List.of(new RoutineItem("exercise-1", dose), new RoutineItem("exercise-2", null)));
    }
}
