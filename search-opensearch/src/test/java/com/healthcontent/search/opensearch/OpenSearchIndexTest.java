package com.healthcontent.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import com.healthcontent.search.SearchIndexContract;
import com.healthcontent.search.SearchQuery;
import com.healthcontent.servicedefaults.problem.ServiceUnavailableException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract on a real OpenSearch node, and what only a shared, remote index has to get right. */
class OpenSearchIndexTest extends SearchIndexContract {

    private static final AtomicInteger INDEXES = new AtomicInteger();

    @Override
    protected SearchIndex open(Set<SearchFacet> facets, String synonyms) {
        return new OpenSearchIndex(
                EmbeddedOpenSearch.server(), "contract-" + INDEXES.incrementAndGet(), facets, synonyms);
    }

    @Test
    void aChangedSynonymListReachesTheIndexWithoutReindexing() {
        String name = "synonyms-" + INDEXES.incrementAndGet();
        Set<SearchFacet> facets = EnumSet.of(SearchFacet.TYPE);
        try (SearchIndex before = new OpenSearchIndex(EmbeddedOpenSearch.server(), name, facets, "sore, aching\n")) {
            before.put(new com.healthcontent.search.SearchDocument(
                    "article", "a", "stiff-neck", "Stiff neck", "", null, "A crick in the neck.", null));
            assertThat(before.matchingIds(new SearchQuery("torticollis", Map.of(), 0, 10)))
                    .isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        // another release of the service starts with a longer list: the item indexed before is found by it
        SearchIndex after =
                new OpenSearchIndex(EmbeddedOpenSearch.server(), name, facets, "sore, aching\ntorticollis, crick\n");
        assertThat(after.matchingIds(new SearchQuery("torticollis", Map.of(), 0, 10)))
                .containsExactly("a");
        assertThat(after.size()).isEqualTo(1);
    }

    @Test
    void anEngineThatDoesNotAnswerIsA503NotAnError() {
        URI nothingListens = URI.create("http://127.0.0.1:9");
        assertThatThrownBy(() -> new OpenSearchIndex(nothingListens, "any", EnumSet.of(SearchFacet.TYPE), ""))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        unavailable ->
                                assertThat(unavailable.getBody().getStatus()).isEqualTo(503));
    }
}
