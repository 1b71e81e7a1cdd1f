package com.healthcontent.search;

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
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    /** The key a search hit is known by across services: {@code article:<slug>}. */
    public String key() {
        return type + ":" + slug;
    }
}
