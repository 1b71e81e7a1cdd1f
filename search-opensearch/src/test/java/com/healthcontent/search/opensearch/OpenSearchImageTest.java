package com.healthcontent.search.opensearch;

import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import com.healthcontent.search.SearchIndexContract;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The contract on the released image, as compose runs it; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class OpenSearchImageTest extends SearchIndexContract {

    @Container
    static final GenericContainer<?> OPENSEARCH = new GenericContainer<>("opensearchproject/opensearch:2.19.6")
            .withEnv("discovery.type", "single-node")
            .withEnv("DISABLE_SECURITY_PLUGIN", "true")
            .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withExposedPorts(9200)
            .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow").forPort(9200));

    private static final AtomicInteger INDEXES = new AtomicInteger();

    @Override
    protected SearchIndex open(Set<SearchFacet> facets, String synonyms) {
        URI server = URI.create("http://" + OPENSEARCH.getHost() + ":" + OPENSEARCH.getMappedPort(9200));
        return new OpenSearchIndex(server, "contract-" + INDEXES.incrementAndGet(), facets, synonyms);
    }
}
