package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchDocumentTest {

    /**
     * Facet values are indexed one after the other as keywords, so their order is part of an item's score: it must
     * not depend on the map a service happened to build (nor on the JVM's start, as {@code Map.copyOf}'s does).
     */
    @Test
    void facetsComeInTheirOwnOrderWhateverTheOrderGiven() {
        List<SearchFacet> reversed = new ArrayList<>(List.of(SearchFacet.values()));
        Collections.reverse(reversed);
        Map<SearchFacet, List<String>> given = new LinkedHashMap<>();
        reversed.forEach(facet -> given.put(facet, List.of(facet.parameter())));

        SearchDocument item = new SearchDocument("article", "1", "slug", "Title", null, null, null, given);

        assertThat(item.facets().keySet()).containsExactly(SearchFacet.values());
        assertThat(item.facets().get(SearchFacet.TAG)).containsExactly("tag");
    }
}
