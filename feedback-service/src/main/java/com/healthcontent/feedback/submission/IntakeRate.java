package com.healthcontent.feedback.submission;

import java.time.Duration;
import java.time.Instant;

/**
 * How many votes a second the intake stores when it has work waiting, as measured from its consumer group's committed
 * position: what it can do, not what readers happened to send. An interval that began with nothing waiting says only
 * how many votes came, so it is not counted; one that began with votes waiting is, smoothed over the last few
 * (exponentially, a weight of {@link #WEIGHT} for the newest). Zero until first measured; a stuck intake (votes
 * waiting, nothing stored) brings it down towards zero.
 *
 * @param storedPerSecond the estimate, 0 until measured
 * @param consumed        the group's position summed over the partitions at the last observation
 * @param waiting         votes waiting at the last observation
 * @param at              when that was, or null before the first
 */
record IntakeRate(double storedPerSecond, long consumed, long waiting, Instant at) {

    static final double WEIGHT = 0.3;

    static IntakeRate unmeasured() {
        return new IntakeRate(0, 0, 0, null);
    }

    /** This rate after the intake's position and backlog were read again at {@code now}. */
    IntakeRate observed(long consumedNow, long waitingNow, Instant now) {
        double estimate = storedPerSecond;
        if (at != null && waiting > 0 && now.isAfter(at)) {
            double seconds = Duration.between(at, now).toNanos() / 1e9;
            double sample = Math.max(0, consumedNow - consumed) / seconds;
            estimate = storedPerSecond == 0 ? sample : WEIGHT * sample + (1 - WEIGHT) * storedPerSecond;
        }
        return new IntakeRate(estimate, consumedNow, waitingNow, now);
    }

    /** How many votes the intake works off in {@code wait} at this rate. */
    long storedWithin(Duration wait) {
        return (long) (storedPerSecond * wait.toNanos() / 1e9);
    }
}
