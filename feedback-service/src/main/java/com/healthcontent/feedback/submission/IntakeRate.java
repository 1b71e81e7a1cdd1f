package com.healthcontent.feedback.submission;

import java.time.Duration;
import java.time.Instant;

/**
 * How many votes a second the intake can store, from its consumer group's committed position read every fraction of a
 * second, taken over windows of at least {@link #WINDOW} (the position moves a poll at a time). In a window in which
 * every reading found more than {@link #BEHIND} of its work waiting, the intake was busy throughout, so what it stored
 * is what it can do: such windows are smoothed (exponentially, a weight of {@link #WEIGHT} for the newest), and a
 * stuck intake (votes waiting, nothing stored) brings the estimate down towards zero. In any other window it ran out
 * of work at some point, so what it stored is only a floor: the estimate rises to it and is never lowered by it.
 *
 * <p>Smoothing every window that merely began with votes waiting made the estimate what readers were let send: the
 * bound on waiting votes is this rate times a time, votes past it are refused with Retry-After, clients pause, the
 * intake catches up and then waits, and the rate it "stored" was what the bound let in.
 *
 * @param storedPerSecond the estimate, 0 until measured
 * @param consumed        the group's position summed over the partitions when the current window began
 * @param since           when the current window began, or null before the first reading
 * @param busy            whether every reading in the current window found the intake behind
 */
record IntakeRate(double storedPerSecond, long consumed, Instant since, boolean busy) {

    static final double WEIGHT = 0.3;
    static final Duration WINDOW = Duration.ofSeconds(1);
    /** More than this much of the intake's work waiting at every reading of a window: it was busy all of it. */
    static final Duration BEHIND = Duration.ofMillis(250);

    static IntakeRate unmeasured() {
        return new IntakeRate(0, 0, null, false);
    }

    /** This rate after the intake's position ({@code consumedNow}, read at {@code now}) and backlog were read again. */
    IntakeRate observed(long consumedNow, long waitingNow, Instant now) {
        boolean behind = waitingNow > storedWithin(BEHIND);
        if (since == null) {
            return new IntakeRate(storedPerSecond, consumedNow, now, behind);
        }
        Duration window = Duration.between(since, now);
        if (window.compareTo(WINDOW) < 0) {
            return new IntakeRate(storedPerSecond, consumed, since, busy && behind);
        }
        double sample = Math.max(0, consumedNow - consumed) / (window.toNanos() / 1e9);
        double estimate;
        if (busy && behind) {
            estimate = storedPerSecond == 0 ? sample : WEIGHT * sample + (1 - WEIGHT) * storedPerSecond;
        } else {
            estimate = Math.max(storedPerSecond, sample);
        }
        return new IntakeRate(estimate, consumedNow, now, waitingNow > votesWithin(estimate, BEHIND));
    }

    /** How many votes the intake works off in {@code wait} at this rate. */
    long storedWithin(Duration wait) {
        return votesWithin(storedPerSecond, wait);
    }

    private static long votesWithin(double perSecond, Duration wait) {
        return (long) (perSecond * wait.toNanos() / 1e9);
    }
}
