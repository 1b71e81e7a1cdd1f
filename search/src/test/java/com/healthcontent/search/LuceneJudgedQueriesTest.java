package com.healthcontent.search;

import java.util.Set;

class LuceneJudgedQueriesTest extends JudgedQueriesContract {

    @Override
    protected SearchIndex open(String name, Set<SearchFacet> facets) {
        return LuceneSearchIndex.withHealthSynonyms(facets);
    }
}
