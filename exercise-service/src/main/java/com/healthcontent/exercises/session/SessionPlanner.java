package com.healthcontent.exercises.session;

import com.healthcontent.exercises.exercise.Dose;
import com.healthcontent.exercises.exercise.Exercise;
import com.healthcontent.exercises.exercise.ExerciseContent;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns exercises and their doses into a timed plan: get into position, then every set of every repetition (a
 * hold timer each, or the movements paced together), a short release between repetitions and the rest between
 * sets. The upper end of a repetition range is planned; a reader may stop earlier.
 */
public final class SessionPlanner {

    static final int PREPARE_SECONDS = 10;
    static final int RELAX_SECONDS = 3;
    static final int SECONDS_PER_MOVEMENT = 5;
    static final int DEFAULT_REST_SECONDS = 30;

    public record Planned(Exercise exercise, Dose dose) {}

    public SessionPlan plan(String title, List<Planned> items) {
        List<SessionPlan.ExerciseBrief> briefs = new ArrayList<>();
        List<SessionPlan.Segment> segments = new ArrayList<>();
        int clock = 0;
        for (int e = 0; e < items.size(); e++) {
            Exercise exercise = items.get(e).exercise();
            Dose dose = items.get(e).dose();
            ExerciseContent content = exercise.content();
            int position = e + 1;
            briefs.add(new SessionPlan.ExerciseBrief(
                    position,
                    exercise.slug(),
                    content.name(),
                    content.position().name(),
                    content.steps(),
                    content.precautions()));
            clock = add(
                    segments,
                    SessionPlan.Kind.PREPARE,
                    position,
                    0,
                    0,
                    PREPARE_SECONDS,
                    clock,
                    "Get ready: " + content.name() + ". " + content.steps().get(0));
            int repetitions = dose.repetitions().max();
            int sets = dose.setsOrOne();
            for (int set = 1; set <= sets; set++) {
                if (dose.holdSeconds() == null) {
                    clock = add(
                            segments,
                            SessionPlan.Kind.MOVE,
                            position,
                            set,
                            repetitions,
                            repetitions * SECONDS_PER_MOVEMENT,
                            clock,
                            repetitions + " slow, controlled repetitions");
                } else {
                    for (int rep = 1; rep <= repetitions; rep++) {
                        clock = add(
                                segments,
                                SessionPlan.Kind.HOLD,
                                position,
                                set,
                                rep,
                                dose.holdSeconds(),
                                clock,
                                "Hold" + (repetitions > 1 ? " (" + rep + " of " + repetitions + ")" : ""));
                        if (rep < repetitions) {
                            clock = add(
                                    segments,
                                    SessionPlan.Kind.RELAX,
                                    position,
                                    set,
                                    rep,
                                    RELAX_SECONDS,
                                    clock,
                                    "Release gently");
                        }
                    }
                }
                if (set < sets) {
                    int rest = dose.restSeconds() == null ? DEFAULT_REST_SECONDS : dose.restSeconds();
                    if (rest > 0) {
                        clock = add(
                                segments,
                                SessionPlan.Kind.REST,
                                position,
                                set,
                                0,
                                rest,
                                clock,
                                "Rest before set " + (set + 1));
                    }
                }
            }
        }
        return new SessionPlan(title, briefs, segments, clock);
    }

    private static int add(
            List<SessionPlan.Segment> segments,
            SessionPlan.Kind kind,
            int exercise,
            int set,
            int repetition,
            int seconds,
            int startsAt,
            String instruction) {
        segments.add(new SessionPlan.Segment(
                segments.size(), kind, exercise, set, repetition, seconds, startsAt, instruction));
        return startsAt + seconds;
    }
}
