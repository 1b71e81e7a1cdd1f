package com.healthcontent.feedback.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The intake's rate is what it can store: measured while it is busy, never held down by what readers sent. */
class IntakeRateTest {

    static final Instant START = Instant.parse("2026-12-05T12:00:00Z");
    static final Duration WAIT = Duration.ofMillis(1500);

    @Test
    void unmeasuredItLetsNoVoteWaitBeyondTheConfiguredBacklog() {
        assertThat(IntakeRate.unmeasured().storedWithin(WAIT)).isZero();
    }

    @Test
    void anIntervalInWhichTheIntakeRanOutOfWorkIsAFloorThatOnlyRaisesTheEstimate() {
        IntakeRate rate = IntakeRate.unmeasured()
                .observed(1_000, 0, START)
                .observed(1_050, 0, START.plusSeconds(1))
                .observed(1_100, 300, START.plusSeconds(2));
        assertThat(rate.storedPerSecond()).isEqualTo(50);

        // readers sent fewer: the intake can still do what it did
        rate = rate.observed(1_110, 0, START.plusSeconds(3));
        assertThat(rate.storedPerSecond()).isEqualTo(50);
    }

    /**
     * The bound held arrivals to what the estimate allowed, the intake caught up each time and waited: each interval
     * it stored more than the estimate, so the estimate (and the bound) grows to what it can do.
     */
    @Test
    void whenTheIntakeCatchesUpWhatItStoredRaisesTheEstimateWithoutSmoothing() {
        IntakeRate rate = IntakeRate.unmeasured().observed(0, 600, START).observed(270, 600, START.plusSeconds(1));
        assertThat(rate.storedPerSecond()).isEqualTo(270);

        rate = rate.observed(670, 20, START.plusSeconds(2));
        assertThat(rate.storedPerSecond()).isEqualTo(400);
        rate = rate.observed(1_270, 0, START.plusSeconds(3));
        assertThat(rate.storedPerSecond()).isEqualTo(600);
    }

    @Test
    void whileVotesWaitItFollowsWhatTheIntakeStoresAndFallsWhenItIsStuck() {
        IntakeRate rate =
                IntakeRate.unmeasured().observed(1_000, 800, START).observed(1_400, 900, START.plusSeconds(1));
        assertThat(rate.storedPerSecond()).isEqualTo(400);
        assertThat(rate.storedWithin(WAIT)).isEqualTo(600);

        rate = rate.observed(1_600, 900, START.plusSeconds(2));
        assertThat(rate.storedPerSecond()).isCloseTo(0.3 * 200 + 0.7 * 400, within(1e-9));

        IntakeRate stuck = rate.observed(1_600, 1_200, START.plusSeconds(3));
        assertThat(stuck.storedPerSecond()).isCloseTo(0.7 * rate.storedPerSecond(), within(1e-9));
    }
}
