package com.healthcontent.search;

import java.util.Set;

class LuceneSearchIndexTest extends SearchIndexContract {

    @Override
    protected SearchIndex open(Set<SearchFacet> facets, String synonyms) {
        return new LuceneSearchIndex(facets, synonyms);
    }
}
