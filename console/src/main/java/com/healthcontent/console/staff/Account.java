package com.healthcontent.console.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A staff account as administrators see it: never a password, only whether one has been set. */
record Account(
        String username, String name, String credentials, List<String> roles, boolean enabled, boolean hasPassword) {

    static Account of(JsonNode account) {
        List<String> roles = new ArrayList<>();
        account.path("roles").forEach(role -> roles.add(role.asString()));
        return new Account(
                account.path("username").asString(),
                account.path("name").asString(),
                account.hasNonNull("credentials") ? account.path("credentials").asString() : null,
                roles,
                account.path("enabled").asBoolean(),
                account.path("hasPassword").asBoolean());
    }

    /** "Dr. Priya Rao (dr.rao)": names are not unique, usernames are. */
    public String who() {
        return name + " (" + username + ")";
    }

    public String roleNames() {
        return roles.stream().map(Role::wordsFor).collect(Collectors.joining(", "));
    }

    public boolean has(Role role) {
        return roles.contains(role.name());
    }
}
