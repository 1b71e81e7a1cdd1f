package com.healthcontent.readersite.exercises;

import java.util.List;

/**
 * A guided session, step by step ({@code GET .../session}): each segment is one thing to do for a number of
 * seconds (get ready, hold, move, relax, rest), in order, with the exercise it belongs to.
 */
public record SessionPlan(String title, Integer totalSeconds, List<Brief> exercises, List<Segment> segments) {

    public SessionPlan {
        exercises = exercises == null ? List.of() : exercises;
        segments = segments == null ? List.of() : segments;
    }

    public record Brief(Integer position, String slug, String name, String startingPosition, List<String> steps) {}

    public record Segment(
            Integer index,
            Integer exercise,
            String kind,
            String instruction,
            Integer seconds,
            Integer repetition,
            Integer set,
            Integer startsAtSeconds) {

        /** "Hold", "Rest". */
        public String kindInWords() {
            return kind == null ? "" : kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The exercise a segment belongs to, by its position in the session. */
    public Brief exerciseOf(Segment segment) {
        return exercises.stream()
                .filter(brief -> brief.position() != null && brief.position().equals(segment.exercise()))
                .findFirst()
                .orElse(null);
    }
}
