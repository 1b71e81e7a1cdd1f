package com.healthcontent.search.opensearch;

import com.healthcontent.search.JudgedQueriesContract;
import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import java.util.Set;

class OpenSearchJudgedQueriesTest extends JudgedQueriesContract {

    @Override
    protected SearchIndex open(String name, Set<SearchFacet> facets) {
        return OpenSearchIndex.withHealthSynonyms(EmbeddedOpenSearch.server(), "judged-" + name, facets);
    }
}
