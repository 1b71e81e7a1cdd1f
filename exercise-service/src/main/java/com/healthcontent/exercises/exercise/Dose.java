package com.healthcontent.exercises.exercise;

import com.healthcontent.servicedefaults.problem.Violations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much of an exercise to do: hold each repetition for {@code holdSeconds}, {@code repetitions} in a row,
 * {@code sets} times with {@code restSeconds} between sets, {@code frequency} times per day or week.
 * It maps one-to-one onto FHIR's Timing ({@link #fhirTiming()}), which clinical systems understand.
 */
public record Dose(
        Integer holdSeconds, Repetitions repetitions, Integer sets, Integer restSeconds, Frequency frequency) {

    public static final int MAX_HOLD_SECONDS = 600;
    public static final int MAX_SETS = 10;
    public static final int MAX_REST_SECONDS = 600;

    public Dose {
        new Violations()
                .require(
                        holdSeconds == null || holdSeconds >= 1 && holdSeconds <= MAX_HOLD_SECONDS,
                        "holdSeconds",
                        "must be between 1 and " + MAX_HOLD_SECONDS)
                .require(repetitions != null, "repetitions", "is required")
                .require(sets == null || sets >= 1 && sets <= MAX_SETS, "sets", "must be between 1 and " + MAX_SETS)
                .require(
                        restSeconds == null || restSeconds >= 0 && restSeconds <= MAX_REST_SECONDS,
                        "restSeconds",
                        "must be between 0 and " + MAX_REST_SECONDS)
                .throwIfAny();
    }

    public int setsOrOne() {
        return sets == null ? 1 : sets;
    }

    /**
     * The longest one session of this dose takes, in seconds: every repetition held (or a few seconds for a
     * movement without a hold) and the rests between sets.
     */
    public int maxSessionSeconds() {
        int perRepetition = holdSeconds == null ? 5 : holdSeconds;
        int rest = restSeconds == null ? 0 : restSeconds;
        return setsOrOne() * repetitions.max() * perRepetition + (setsOrOne() - 1) * rest;
    }

    /** The FHIR R4 {@code Timing.repeat} this dose stands for. */
    public Map<String, Object> fhirTiming() {
        Map<String, Object> repeat = new LinkedHashMap<>();
        if (holdSeconds != null) {
            repeat.put("duration", holdSeconds);
            repeat.put("durationUnit", "s");
        }
        repeat.put("count", repetitions.min());
        repeat.put("countMax", repetitions.max());
        if (frequency != null) {
            repeat.put("frequency", frequency.min());
            repeat.put("frequencyMax", frequency.max());
            repeat.put("period", 1);
            repeat.put("periodUnit", frequency.per().fhirUnit());
        }
        return Map.of("repeat", repeat);
    }
}
