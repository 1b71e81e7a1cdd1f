package com.healthcontent.exercises.session;

import java.util.List;

/**
 * A guided session a mobile client plays step by step: timed segments in order, each saying what to do and for
 * how long, with the exercises' instructions alongside so the screen can show them during the timers.
 *
 * @param segments       every timer in order; {@code startsAtSeconds} lets a client resume or show progress
 * @param totalSeconds   the length of the whole session
 */
public record SessionPlan(String title, List<ExerciseBrief> exercises, List<Segment> segments, int totalSeconds) {

    public enum Kind {
        /** Read the steps and get into the starting position. */
        PREPARE,
        /** Hold the stretch: the timer is the hold time. */
        HOLD,
        /** Repetitions of a movement without a hold, timed together at a steady pace. */
        MOVE,
        /** Let go briefly between repetitions. */
        RELAX,
        /** Rest between sets. */
        REST
    }

    public record ExerciseBrief(
            int position,
            String slug,
            String name,
            String startingPosition,
            List<String> steps,
            List<String> precautions) {}

    public record Segment(
            int index,
            Kind kind,
            int exercise,
            int set,
            int repetition,
            int seconds,
            int startsAtSeconds,
            String instruction) {}
}
