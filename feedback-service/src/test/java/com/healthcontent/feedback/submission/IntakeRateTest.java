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

    static Instant at(long millis) {
        return START.plusMillis(millis);
    }

    @Test
    void unmeasuredItLetsNoVoteWaitBeyondTheConfiguredBacklog() {
        assertThat(IntakeRate.unmeasured().storedWithin(WAIT)).isZero();
    }

    @Test
    void busyThroughoutItFollowsWhatTheIntakeStoresAndFallsWhenItIsStuck() {
        IntakeRate rate = IntakeRate.unmeasured().observed(1_000, 800, at(0)).observed(1_400, 900, at(1_000));
        assertThat(rate.storedPerSecond()).isEqualTo(400);
        assertThat(rate.storedWithin(WAIT)).isEqualTo(600);

        rate = rate.observed(1_500, 900, at(1_500)).observed(1_600, 900, at(2_000));
        assertThat(rate.storedPerSecond()).isCloseTo(0.3 * 200 + 0.7 * 400, within(1e-9));

        IntakeRate stuck = rate.observed(1_600, 1_200, at(3_000));
        assertThat(stuck.storedPerSecond()).isCloseTo(0.7 * rate.storedPerSecond(), within(1e-9));
    }

    /** The position moves a poll at a time: a reading a quarter of a second after the last one is no rate. */
    @Test
    void aRateIsTakenOverAWholeWindowNotBetweenTwoReadings() {
        IntakeRate rate = IntakeRate.unmeasured()
                .observed(0, 900, at(0))
                .observed(500, 900, at(250))
                .observed(500, 900, at(500))
                .observed(500, 900, at(750));
        assertThat(rate.storedPerSecond()).isZero();
        rate = rate.observed(1_000, 900, at(1_000));
        assertThat(rate.storedPerSecond()).isEqualTo(1_000);
    }

    @Test
    void aWindowInWhichTheIntakeRanOutOfWorkIsAFloorThatOnlyRaisesTheEstimate() {
        IntakeRate rate = IntakeRate.unmeasured().observed(1_000, 0, at(0)).observed(1_050, 0, at(1_000));
        assertThat(rate.storedPerSecond()).isEqualTo(50);

        // readers sent fewer: the intake can still do what it did
        rate = rate.observed(1_060, 0, at(2_000));
        assertThat(rate.storedPerSecond()).isEqualTo(50);
    }

    /**
     * The bound held arrivals to what the estimate allowed, so the intake caught up at some reading of each window
     * and waited: each window it stored more than the estimate, and the estimate (and the bound) grows to what it
     * can do, where smoothing would have held it near what the bound let in.
     */
    @Test
    void whenTheIntakeCatchesUpWhatItStoredRaisesTheEstimateWithoutSmoothing() {
        IntakeRate rate = IntakeRate.unmeasured().observed(0, 600, at(0)).observed(270, 600, at(1_000));
        assertThat(rate.storedPerSecond()).isEqualTo(270);

        rate = rate.observed(400, 0, at(1_500)).observed(670, 600, at(2_000));
        assertThat(rate.storedPerSecond()).isEqualTo(400);
        rate = rate.observed(1_270, 20, at(3_000));
        assertThat(rate.storedPerSecond()).isEqualTo(600);
    }
}
