package com.healthcontent.console.reviews;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A publication an editor limited in time: when it ends ({@code at} as the API gives it, and in words) and why. Times
 * are UTC both ways, on the page and in the form, as the schedule field's example is: an editor reads back the time
 * they typed.
 */
record PublishedUntil(String at, String inWords, String reason) {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The period of an article's draft or of a workflow ({@code publishedUntil}), or null when there is none. */
    static PublishedUntil of(JsonNode period) {
        if (!period.hasNonNull("at")) {
            return null;
        }
        String at = period.path("at").asString();
        return new PublishedUntil(
                at, WORDS.format(Instant.parse(at)), period.path("reason").asString(""));
    }

    /**
     * A "take down on" field's value (datetime-local: no zone) as the UTC instant the API takes. Anything else goes
     * as typed (a browser without the date picker sends text), for the API to name the field if it cannot read it.
     */
    static String instant(String local) {
        try {
            return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException notLocal) {
            return local;
        }
    }
}
