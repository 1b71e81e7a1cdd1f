package com.healthcontent.search;

import com.healthcontent.servicedefaults.problem.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reader's search as it arrives in a query string, checked: the words (required, at most
 * {@value #MAX_LENGTH} characters), facet filters by their parameter names (unknown names are refused, not
 * ignored, so a misspelt filter never silently widens the results), and a bounded page.
 */
public record SearchQuery(String text, Map<SearchFacet, Set<String>> filters, int page, int size) {

    public static final int MAX_LENGTH = 200;
    /** Deep pages are not for readers; the bound keeps every search's work small. */
    public static final int MAX_RESULTS = 500;
    /**
     * As large as the result bound: the gateway asks each service for everything up to the page it merges (readers
     * get pages of at most 50 from it).
     */
    public static final int MAX_SIZE = MAX_RESULTS;

    private static final Set<String> NOT_FILTERS = Set.of("q", "page", "size");

    public SearchQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    /** The query string's parameters, as a controller gets them; a 400 naming each wrong one. */
    public static SearchQuery of(Map<String, List<String>> parameters) {
        String text = first(parameters, "q");
        String page = first(parameters, "page");
        String size = first(parameters, "size");
        Violations violations = new Violations()
                .require(text != null && !text.isBlank(), "q", "is required: the words to search for")
                .require(
                        text == null || text.length() <= MAX_LENGTH,
                        "q",
                        "must be at most " + MAX_LENGTH + " characters")
                .require(page == null || page.matches("\\d{1,3}"), "page", "must be a number from 0")
                .require(
                        size == null || size.matches("\\d{1,3}") && between(size, 1, MAX_SIZE),
                        "size",
                        "must be a number from 1 to " + MAX_SIZE);
        Map<SearchFacet, Set<String>> filters = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (NOT_FILTERS.contains(name)) {
                return;
            }
            var facet = SearchFacet.ofParameter(name);
            violations.require(
                    facet.isPresent(),
                    name,
                    "is not a search filter; the filters are q, page, size and "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(SearchFacet.values())
                                            .map(SearchFacet::parameter)
                                            .toList()));
            facet.ifPresent(known -> filters.put(
                    known,
                    Set.copyOf(values.stream()
                            .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                            .map(String::strip)
                            .filter(value -> !value.isEmpty())
                            .toList())));
        });
        violations.throwIfAny();
        int pageNumber = page == null ? 0 : Integer.parseInt(page);
        int pageSize = size == null ? 10 : Integer.parseInt(size);
        new Violations()
                .require(
                        (pageNumber + 1) * pageSize <= MAX_RESULTS,
                        "page",
                        "goes past the first " + MAX_RESULTS + " results; narrow the search instead")
                .throwIfAny();
        return new SearchQuery(text.strip(), filters, pageNumber, pageSize);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean between(String number, int min, int max) {
        int value = Integer.parseInt(number);
        return value >= min && value <= max;
    }
}
