package com.healthcontent.search;

import com.healthcontent.servicedefaults.problem.Violations;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a search box sends as the reader types: the words so far and how many titles to offer. */
public record SuggestQuery(String prefix, int size) {

    public static final int MAX_LENGTH = 100;
    public static final int MAX_SIZE = 10;

    private static final Set<String> PARAMETERS = Set.of("q", "size");

    public static SuggestQuery of(Map<String, List<String>> parameters) {
        List<String> q = parameters.get("q");
        List<String> sizes = parameters.get("size");
        String prefix = q == null || q.isEmpty() ? null : q.get(0);
        String size = sizes == null || sizes.isEmpty() ? null : sizes.get(0);
        Violations violations = new Violations()
                .require(prefix != null && !prefix.isBlank(), "q", "is required: the words typed so far")
                .require(
                        prefix == null || prefix.length() <= MAX_LENGTH,
                        "q",
                        "must be at most " + MAX_LENGTH + " characters")
                .require(
                        size == null
                                || size.matches("\\d{1,2}")
                                        && Integer.parseInt(size) >= 1
                                        && Integer.parseInt(size) <= MAX_SIZE,
                        "size",
                        "must be a number from 1 to " + MAX_SIZE);
        parameters.keySet().stream()
                .filter(name -> !PARAMETERS.contains(name))
                .forEach(name ->
                        violations.require(false, name, "is not a parameter of suggestions; they are q and size"));
        violations.throwIfAny();
        return new SuggestQuery(prefix.strip(), size == null ? 5 : Integer.parseInt(size));
    }
}
