package com.healthcontent.feedback.alerts;

import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.net.URI;
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
public record AlertPreferences(@Id String username, String email, String webhookUrl, String webhookSecret,
                               boolean dailyDigest, String timeZone, LocalTime quietFrom, LocalTime quietUntil,
                               LocalTime digestAt) {

    public AlertPreferences {
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "must be an e-mail address");
        }
        if (webhookUrl != null && !isHttpUrl(webhookUrl)) {
            throw new InvalidInputException("webhookUrl", "must be an http or https URL");
        }
        timeZone = timeZone == null ? "UTC" : timeZone;
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new InvalidInputException("timeZone", "must be a time zone such as Europe/London");
        }
        if ((quietFrom == null) != (quietUntil == null)) {
            throw new InvalidInputException("quietUntil", "give both ends of the quiet hours, or neither");
        }
        digestAt = digestAt == null ? LocalTime.of(8, 0) : digestAt;
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

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
