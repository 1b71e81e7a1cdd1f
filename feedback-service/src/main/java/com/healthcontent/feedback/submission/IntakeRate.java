package com.healthcontent.feedback.submission;

import java.time.Duration;
import java.time.Instant;

/**
 * How many votes a second the intake can store, as measured from its consumer group's committed position between two
 * readings of the broker. In an interval that began and ended with more than {@link #BEHIND} of its work waiting, it
 * was busy throughout, so what it stored is what it can do: such intervals are smoothed over the last few
 * (exponentially, a weight of {@link #WEIGHT} for the newest), and a stuck intake (votes waiting, nothing stored)
 * brings the estimate down towards zero. In any other interval it ran out of work at some point, so what it stored is
 * only a floor: the estimate rises to it and is never lowered by it.
 *
 * <p>Smoothing every interval that merely began with votes waiting made the estimate what readers were let send: the
 * bound on waiting votes is this rate times a time, votes past it are refused with Retry-After, clients pause, the
 * intake catches up and then waits, and the rate it "stored" is what the bound let in. A fresh stack under votes at
 * saturation held there, at a third of what the intake stores when busy.
 *
 * @param storedPerSecond the estimate, 0 until measured
 * @param consumed        the group's position summed over the partitions at the last observation
 * @param waiting         votes waiting at the last observation
 * @param at              when that was, or null before the first
 */
record IntakeRate(double storedPerSecond, long consumed, long waiting, Instant at) {

    static final double WEIGHT = 0.3;
    /** More than this much of the intake's work waiting at both ends of an interval: it was busy all of it. */
    static final Duration BEHIND = Duration.ofMillis(500);

    static IntakeRate unmeasured() {
        return new IntakeRate(0, 0, 0, null);
    }

    /** This rate after the intake's position and backlog were read again at {@code now}. */
    IntakeRate observed(long consumedNow, long waitingNow, Instant now) {
        double estimate = storedPerSecond;
        if (at != null && now.isAfter(at)) {
            double seconds = Duration.between(at, now).toNanos() / 1e9;
            double sample = Math.max(0, consumedNow - consumed) / seconds;
            double behind = storedWithin(BEHIND);
            if (waiting > behind && waitingNow > behind) {
                estimate = storedPerSecond == 0 ? sample : WEIGHT * sample + (1 - WEIGHT) * storedPerSecond;
            } else {
                estimate = Math.max(storedPerSecond, sample);
            }
        }
        return new IntakeRate(estimate, consumedNow, waitingNow, now);
    }

    /** How many votes the intake works off in {@code wait} at this rate. */
    long storedWithin(Duration wait) {
        return (long) (storedPerSecond * wait.toNanos() / 1e9);
    }
}
