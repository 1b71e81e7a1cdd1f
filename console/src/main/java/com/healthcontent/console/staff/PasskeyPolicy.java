package com.healthcontent.console.staff;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Which roles must sign in with a passkey, and who last changed that and when (nobody yet: then no role does, and a
 * password is enough for everyone).
 */
record PasskeyPolicy(List<String> roles, String changedBy, String changedAt, String changed) {

    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static PasskeyPolicy of(JsonNode policy) {
        List<String> roles = new ArrayList<>();
        policy.path("rolesRequiringPasskey").forEach(role -> roles.add(role.asString()));
        String changedAt =
                policy.hasNonNull("changedAt") ? policy.path("changedAt").asString() : null;
        return new PasskeyPolicy(
                roles,
                policy.hasNonNull("changedBy") ? policy.path("changedBy").asString() : null,
                changedAt,
                changedAt == null ? null : CHANGED.format(Instant.parse(changedAt)));
    }

    public boolean requires(Role role) {
        return roles.contains(role.name());
    }

    public String roleNames() {
        return roles.stream().map(Role::wordsFor).collect(Collectors.joining(", "));
    }
}
