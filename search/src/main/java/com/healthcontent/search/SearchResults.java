package com.healthcontent.search;

import java.util.List;
import java.util.Map;

/**
 * One page of a search: the hits best first, how many matched in all, the counts under each facet value of
 * everything that matched, and the words searched for when the reader's were corrected ("Showing results for").
 */
public record SearchResults(
        String query,
        String correctedQuery,
        long total,
        int page,
        int size,
        List<Hit> items,
        Map<String, List<FacetCount>> facets) {

    /**
     * A match: {@code highlights} are up to two passages of its text with the matched words in {@code <mark>}, the
     * rest HTML-escaped, so a page can show them as they are. {@code score} orders hits, also across services.
     */
    public record Hit(
            String type, String id, String slug, String title, String summary, float score, List<String> highlights) {}

    public record FacetCount(String value, long count) {}
}
