package com.healthcontent.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ways a reader narrows a search, one vocabulary for the whole platform: a service indexes the facets its
 * content has, and a filter on a facet its content lacks matches none of it (an exercise has no tag).
 */
public enum SearchFacet {
    TYPE("type"),
    TAG("tag"),
    CATEGORY("category"),
    AUDIENCE("audience"),
    BODY_REGION("bodyRegion"),
    POSITION("position"),
    DIFFICULTY("difficulty");

    private final String parameter;

    SearchFacet(String parameter) {
        this.parameter = parameter;
    }

    /** The name in query strings and in the answer's {@code facets}. */
    public String parameter() {
        return parameter;
    }

    public static Optional<SearchFacet> ofParameter(String name) {
        return Arrays.stream(values())
                .filter(facet -> facet.parameter.equals(name))
                .findFirst();
    }
}
