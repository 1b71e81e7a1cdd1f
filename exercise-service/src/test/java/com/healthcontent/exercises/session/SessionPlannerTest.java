package com.healthcontent.exercises.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.exercises.exercise.BodyRegion;
import com.healthcontent.exercises.exercise.Difficulty;
import com.healthcontent.exercises.exercise.Dose;
import com.healthcontent.exercises.exercise.Exercise;
import com.healthcontent.exercises.exercise.ExerciseContent;
import com.healthcontent.exercises.exercise.Position;
import com.healthcontent.exercises.exercise.Repetitions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPlannerTest {

    final SessionPlanner planner = new SessionPlanner();

    static Exercise exercise(String slug, Dose dose) {
        ExerciseContent content = new ExerciseContent(
                slug,
                "summary",
                List.of(BodyRegion.LOWER_BACK),
                Position.LYING_ON_BACK,
                List.of(),
                Difficulty.GENTLE,
                List.of("Lie down.", "Hold."),
                dose,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of());
        Instant now = Instant.now();
        Workflow workflow = new Workflow(
                ContentStatus.PUBLISHED,
                "ana.author",
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                1,
                List.of(),
                null);
        return new Exercise(slug, slug, content, content, List.of(), workflow, now, now, now, now, null, null, null);
    }

    @Test
    void holdsRepetitionsSetsAndRestsAddUp() {
        Dose dose = new Dose(30, new Repetitions(1, 2), 2, 20, null);
        SessionPlan plan = planner.plan("One", List.of(new SessionPlanner.Planned(exercise("knees", dose), dose)));

        assertThat(plan.segments())
                .extracting(SessionPlan.Segment::kind)
                .containsExactly(
                        SessionPlan.Kind.PREPARE,
                        SessionPlan.Kind.HOLD,
                        SessionPlan.Kind.RELAX,
                        SessionPlan.Kind.HOLD,
                        SessionPlan.Kind.REST,
                        SessionPlan.Kind.HOLD,
                        SessionPlan.Kind.RELAX,
                        SessionPlan.Kind.HOLD);
        assertThat(plan.segments())
                .extracting(SessionPlan.Segment::seconds)
                .containsExactly(10, 30, 3, 30, 20, 30, 3, 30);
        assertThat(plan.totalSeconds()).isEqualTo(156);
    }

    @Test
    void movementsWithoutAHoldArePacedTogetherAndSegmentsFollowEachOther() {
        Dose moves = new Dose(null, new Repetitions(5, 8), null, null, null);
        Dose hold = new Dose(15, new Repetitions(1, 1), null, null, null);
        SessionPlan plan = planner.plan(
                "Two",
                List.of(
                        new SessionPlanner.Planned(exercise("bends", moves), moves),
                        new SessionPlanner.Planned(exercise("twist", hold), hold)));

        assertThat(plan.segments().get(1).kind()).isEqualTo(SessionPlan.Kind.MOVE);
        assertThat(plan.segments().get(1).seconds()).isEqualTo(8 * SessionPlanner.SECONDS_PER_MOVEMENT);
        int expected = 0;
        for (SessionPlan.Segment segment : plan.segments()) {
            assertThat(segment.startsAtSeconds()).isEqualTo(expected);
            expected += segment.seconds();
        }
        assertThat(plan.totalSeconds()).isEqualTo(expected).isEqualTo(10 + 40 + 10 + 15);
        assertThat(plan.exercises()).extracting(SessionPlan.ExerciseBrief::slug).containsExactly("bends", "twist");
    }

    @Test
    void aRestOfZeroMeansNoRestSegment() {
        Dose dose = new Dose(10, new Repetitions(1, 1), 3, 0, null);
        SessionPlan plan = planner.plan("No rest", List.of(new SessionPlanner.Planned(exercise("x", dose), dose)));
        assertThat(plan.segments()).noneMatch(s -> s.kind() == SessionPlan.Kind.REST);
        assertThat(plan.totalSeconds()).isEqualTo(10 + 3 * 10);
    }
}
