package com.healthcontent.feedback.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AlertPreferencesTest {

    static final ZonedDateTime NOON_UTC = ZonedDateTime.parse("2026-11-24T12:00:00Z");

    @Test
    void withoutQuietHoursOrDigestAlertsGoAtOnce() {
        assertThat(AlertPreferences.defaults("dr.rao").sendableFrom(NOON_UTC).toInstant())
                .isEqualTo(NOON_UTC.toInstant());
    }

    @Test
    void quietHoursAcrossMidnightInTheReviewersTimeZoneDeferUntilTheyEnd() {
        // 12:00 UTC is 23:00 in Sydney (UTC+11 in November): inside 22:00-07:00 there, so wait until 07:00 there.
        AlertPreferences quiet = new AlertPreferences(
                "dr.kim", null, null, null, false, "Australia/Sydney", LocalTime.of(22, 0), LocalTime.of(7, 0), null);
        assertThat(quiet.sendableFrom(NOON_UTC).toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-11-24T20:00:00Z").toInstant());
        assertThat(quiet.sendableFrom(NOON_UTC.minusHours(4)).toInstant())
                .isEqualTo(NOON_UTC.minusHours(4).toInstant());
    }

    @Test
    void aDailyDigestWaitsForTheDigestTime() {
        AlertPreferences digest = new AlertPreferences(
                "dr.rao", "rao@clinic.example", null, null, true, "Europe/London", null, null, LocalTime.of(8, 0));
        assertThat(digest.sendableFrom(NOON_UTC).toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-11-25T08:00:00Z").toInstant());
    }

    @Test
    void invalidPreferencesNameTheirField() {
        assertThatThrownBy(() -> new AlertPreferences("x", "not-an-address", null, null, false, null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> new AlertPreferences("x", null, null, null, false, "Mars/Olympus", null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("timeZone");
        assertThatThrownBy(() -> new AlertPreferences("x", null, "ftp://x", null, false, null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("webhookUrl");
    }
}
