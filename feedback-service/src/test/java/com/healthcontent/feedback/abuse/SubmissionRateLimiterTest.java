package com.healthcontent.feedback.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The intake's side of the per-reader limit: what it stores of one reader's answers in a minute, and again. */
class SubmissionRateLimiterTest {

    private static final Instant MINUTE = Instant.parse("2026-12-06T03:00:00Z");

    /** A clock the test moves, as the intake's time moves on while answers arrive. */
    private static final class Now extends Clock {
        Instant instant = MINUTE;

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final Now now = new Now();
    private final SubmissionRateLimiter limiter = new SubmissionRateLimiter(
            now, new AbuseProperties("secret", 2, Duration.ofMinutes(10), 2, Duration.ofMinutes(30)));

    @Test
    void aReadersFirstAnswersInAMinuteAreStoredAndTheSameOnesAgainButNoMore() {
        Instant at = MINUTE.plusSeconds(5);
        assertThat(limiter.admit("reader", "first", at)).isTrue();
        assertThat(limiter.admit("reader", "first", at))
                .as("the same answer delivered again")
                .isTrue();
        assertThat(limiter.admit("reader", "second", at)).isTrue();
        assertThat(limiter.admit("reader", "third", at))
                .as("over the limit of 2")
                .isFalse();
        assertThat(limiter.admit("reader", "first", at)).isTrue();
        assertThat(limiter.admit("reader", "second", at)).isTrue();
        assertThat(limiter.admit("another reader", "third", at)).isTrue();
        assertThat(limiter.admit("reader", "third", MINUTE.plusSeconds(65)))
                .as("the next minute")
                .isTrue();
    }

    @Test
    void answersAreCountedInTheMinuteTheyWereGivenWhileTheyArriveUpToTwoMinutesLate() {
        Instant at = MINUTE.plusSeconds(5);
        limiter.admit("reader", "first", at);
        limiter.admit("reader", "second", at);
        now.instant = MINUTE.plusSeconds(150);
        assertThat(limiter.admit("reader", "third", at))
                .as("late, still over the limit")
                .isFalse();
        assertThat(limiter.admit("reader", "second", at))
                .as("late, delivered again")
                .isTrue();

        now.instant = MINUTE.plusSeconds(185);
        assertThat(limiter.admit("reader", "fourth", at))
                .as("after an outage: stored without counting, each instance limited it when it was sent")
                .isTrue();
    }

    @Test
    void aLimitOfOneKeepsOneAnswerAndAZeroLimitNone() {
        SubmissionRateLimiter one = new SubmissionRateLimiter(
                now, new AbuseProperties("secret", 1, Duration.ofMinutes(10), 2, Duration.ofMinutes(30)));
        assertThat(one.admit("reader", "first", MINUTE)).isTrue();
        assertThat(one.admit("reader", "second", MINUTE)).isFalse();
        assertThat(one.admit("reader", "first", MINUTE)).isTrue();
        SubmissionRateLimiter none = new SubmissionRateLimiter(
                now, new AbuseProperties("secret", 0, Duration.ofMinutes(10), 2, Duration.ofMinutes(30)));
        assertThat(none.admit("reader", "first", MINUTE)).isFalse();
    }
}
