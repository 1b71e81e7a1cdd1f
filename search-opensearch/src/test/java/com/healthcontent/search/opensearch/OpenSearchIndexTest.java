package com.healthcontent.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import com.healthcontent.search.SearchIndexContract;
import com.healthcontent.search.SearchQuery;
import com.healthcontent.servicedefaults.problem.ServiceUnavailableException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void credentialsInTheAddressAreSentAsBasicAuthentication() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer secured = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secured.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        secured.start();
        try {
            URI withCredentials = URI.create("http://search%40team:p%3Ass@127.0.0.1:"
                    + secured.getAddress().getPort());
            assertThatThrownBy(() -> new OpenSearchIndex(withCredentials, "any", EnumSet.of(SearchFacet.TYPE), ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("401")
                    .hasMessageNotContaining("p:ss");
            assertThat(authorizations)
                    .first()
                    .isEqualTo("Basic "
                            + Base64.getEncoder().encodeToString("search@team:p:ss".getBytes(StandardCharsets.UTF_8)));
        } finally {
            secured.stop(0);
        }
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
