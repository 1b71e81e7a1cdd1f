package com.healthcontent.readersite.exercises;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of an exercise to do, as exercise-service states it, and as a reader reads it: "Hold for 30 seconds,
 * 4 to 5 times, once or twice a day".
 */
public record Dose(Integer holdSeconds, Range repetitions, Integer sets, Integer restSeconds, Frequency frequency) {

    /** From {@code min} to {@code max} (the same number when exact). */
    public record Range(Integer min, Integer max) {}

    public record Frequency(Integer min, Integer max, String per) {}

    public String inWords() {
        List<String> parts = new ArrayList<>();
        String times = repetitions == null ? null : count(repetitions.min(), repetitions.max(), false);
        if (holdSeconds != null && holdSeconds > 0) {
            parts.add("Hold for " + duration(holdSeconds) + (times == null ? "" : ", " + times));
        } else if (times != null) {
            parts.add("Repeat " + times);
        }
        if (sets != null && sets > 1) {
            parts.add("in " + sets + " sets");
        }
        if (restSeconds != null && restSeconds > 0) {
            parts.add("with " + duration(restSeconds) + " of rest between "
                    + (sets != null && sets > 1 ? "sets" : "them"));
        }
        if (frequency != null && frequency.min() != null && frequency.per() != null) {
            parts.add(count(frequency.min(), frequency.max(), true) + " a "
                    + frequency.per().toLowerCase());
        }
        if (parts.isEmpty()) {
            return "";
        }
        String words = String.join(", ", parts);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "once", "twice", "4 times", "once or twice", "4 to 5 times"; null when there is no number. */
    private static String count(Integer min, Integer max, boolean often) {
        if (min == null) {
            return null;
        }
        int upper = max == null ? min : Math.max(min, max);
        if (upper == min) {
            return times(min);
        }
        if (often && min == 1 && upper == 2) {
            return "once or twice";
        }
        return min + " to " + upper + " times";
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    /** "30 seconds", "1 minute", "90 seconds", "2 minutes". */
    static String duration(int seconds) {
        if (seconds % 60 == 0) {
            int minutes = seconds / 60;
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
