package com.healthcontent.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One published item as search sees it: what a reader's words are matched against (title first, then headings and
 * summary, then the text) and the facet values it is counted under. Built by the service that owns the item from
 * its live version only, never from a draft.
 */
public record SearchDocument(
        String type,
        String id,
        String slug,
        String title,
        String summary,
        List<String> headings,
        String body,
        Map<SearchFacet, List<String>> facets) {

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        headings = headings == null ? List.of() : List.copyOf(headings);
        body = body == null ? "" : body;
        // In the facets' own order: their values are indexed one after the other as keywords, where a phrase can
        // match across two of them, so an order that changed from one start to the next (Map.copyOf's) changed
        // some items' scores and the ranking with them.
        EnumMap<SearchFacet, List<String>> ordered = new EnumMap<>(SearchFacet.class);
        if (facets != null) {
            facets.forEach((facet, values) -> ordered.put(Objects.requireNonNull(facet), List.copyOf(values)));
        }
        facets = Collections.unmodifiableMap(ordered);
    }

    /** The key a search hit is known by across services: {@code article:<slug>}. */
    public String key() {
        return type + ":" + slug;
    }
}
