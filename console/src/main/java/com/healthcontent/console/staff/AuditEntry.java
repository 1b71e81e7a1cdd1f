package com.healthcontent.console.staff;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the staff audit trail in words: when (UTC, to the second: sign-in attempts come close together), what
 * happened, who did it, whom it was about, and its details.
 */
record AuditEntry(String at, String when, String what, String actor, String subject, String details) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static AuditEntry of(JsonNode entry) {
        String at = entry.path("at").asString();
        String type = entry.path("type").asString();
        JsonNode details = entry.path("details");
        String what = AuditType.SIGN_IN_FAILED.name().equals(type)
                        && "account".equals(details.path("reason").asString())
                ? "Refused: account disabled"
                : AuditType.wordsFor(type);
        return new AuditEntry(
                at,
                when(at),
                what,
                entry.path("actor").asString(),
                entry.path("subject").asString(),
                details(details, entry.path("addressHash")));
    }

    private static String when(String at) {
        try {
            return WHEN.format(Instant.parse(at));
        } catch (DateTimeParseException notAnInstant) {
            return at;
        }
    }

    /**
     * "roles: Editor, Medical reviewer", "by one-time link", "with passkey", "wrong password", "named “Work laptop”",
     * "2 passkeys", "address 3f9a0c12": what else the entry says.
     */
    private static String details(JsonNode details, JsonNode addressHash) {
        List<String> parts = new ArrayList<>();
        details.propertyStream().forEach(detail -> {
            String value = detail.getValue().asString();
            switch (detail.getKey()) {
                case "roles" ->
                    parts.add("roles: "
                            + (value.isEmpty()
                                    ? "none"
                                    : Arrays.stream(value.split(","))
                                            .map(Role::wordsFor)
                                            .collect(Collectors.joining(", "))));
                case "method" -> parts.add("with " + value);
                case "by" -> parts.add("by " + value);
                case "label" -> parts.add("named “" + value + "”");
                case "count" -> parts.add(value + ("1".equals(value) ? " passkey" : " passkeys"));
                case "reason" -> {
                    switch (value) {
                        case "password" -> parts.add("wrong password");
                        case "account", "passkey" -> {
                            // said in what happened, or by the method
                        }
                        default -> parts.add("reason: " + value);
                    }
                }
                default -> parts.add(detail.getKey() + ": " + value);
            }
        });
        if (addressHash.isString()) {
            // a keyed hash, never the address: its start is enough to see attempts from the same address
            String hash = addressHash.asString();
            parts.add("address " + hash.substring(0, Math.min(8, hash.length())));
        }
        return String.join(" · ", parts);
    }
}
