package com.healthcontent.feedback.alerts;

import com.healthcontent.servicedefaults.problem.Violations;
import com.healthcontent.servicedefaults.web.WebAddresses;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a reviewer wants to be alerted beyond the inbox and live stream, which always get everything at once:
 * e-mail and/or a webhook, each alert at once or a daily digest, quiet hours in their own time zone.
 */
@Document("alert_preferences")
public record AlertPreferences(
        @Id String username,
        String email,
        String webhookUrl,
        String webhookSecret,
        boolean dailyDigest,
        String timeZone,
        LocalTime quietFrom,
        LocalTime quietUntil,
        LocalTime digestAt) {

    public AlertPreferences {
        timeZone = timeZone == null ? "UTC" : timeZone;
        new Violations()
                .require(
                        email == null || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                        "email",
                        "must be an e-mail address such as dr.rao@example.org")
                .require(
                        webhookUrl == null || WebAddresses.isWeb(webhookUrl),
                        "webhookUrl",
                        "must be an http or https URL such as https://example.org/hooks/alerts")
                .require(isTimeZone(timeZone), "timeZone", "must be a time zone such as Europe/London")
                .require(
                        (quietFrom == null) == (quietUntil == null),
                        "quietUntil",
                        "give both ends of the quiet hours (quietFrom and quietUntil), or neither")
                .throwIfAny();
        digestAt = digestAt == null ? LocalTime.of(8, 0) : digestAt;
    }

    private static boolean isTimeZone(String timeZone) {
        try {
            ZoneId.of(timeZone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static AlertPreferences defaults(String username) {
        return new AlertPreferences(username, null, null, null, false, "UTC", null, null, null);
    }

    /** When a non-urgent alert created at {@code now} may go out by e-mail or webhook. */
    public ZonedDateTime sendableFrom(ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(ZoneId.of(timeZone));
        if (dailyDigest) {
            ZonedDateTime next = local.with(digestAt);
            return next.isAfter(local) ? next : next.plusDays(1);
        }
        if (quietFrom != null && isQuiet(local.toLocalTime())) {
            ZonedDateTime end = local.with(quietUntil);
            return end.isAfter(local) ? end : end.plusDays(1);
        }
        return local;
    }

    private boolean isQuiet(LocalTime time) {
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil); // across midnight
    }
}
