package com.healthcontent.console.reviews;

import tools.jackson.databind.JsonNode;

/**
 * One difference between two published versions of an article, an exercise or a routine, as the diff page shows it:
 * where it is ({@code sections[0].body}, {@code dose.holdSeconds}), and what it was and became in words (text as it
 * is, anything else as indented JSON). A part added has no {@code before}, a part removed no {@code after}.
 */
public record RevisionChange(String path, String before, String after) {

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    static RevisionChange of(JsonNode change) {
        return new RevisionChange(
                change.path("path").asString(""), text(change.get("before")), text(change.get("after")));
    }

    public Kind kind() {
        return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
    }

    /** A value as text: a string as it is, a number, an object or a list as JSON; absent (or null) as null. */
    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toPrettyString();
    }
}
