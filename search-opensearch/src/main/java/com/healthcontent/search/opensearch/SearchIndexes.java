package com.healthcontent.search.opensearch;

import com.healthcontent.search.LuceneSearchIndex;
import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Opens a service's index on the engine its configuration names: {@code lucene} (the default) or {@code opensearch}. */
public final class SearchIndexes {

    private SearchIndexes() {}

    /**
     * @param engine {@code lucene}: in memory on this instance; {@code opensearch}: the index {@code name} on
     *     {@code openSearch}, shared by the service's instances
     */
    public static SearchIndex open(String engine, URI openSearch, String name, Set<SearchFacet> facets) {
        return switch (engine.strip().toLowerCase(Locale.ROOT)) {
            case "lucene" -> LuceneSearchIndex.withHealthSynonyms(facets);
            case "opensearch" -> OpenSearchIndex.withHealthSynonyms(openSearch, name, facets);
            default ->
                throw new IllegalArgumentException(
                        "search.engine is '" + engine + "'; it must be lucene (in memory) or opensearch");
        };
    }
}
