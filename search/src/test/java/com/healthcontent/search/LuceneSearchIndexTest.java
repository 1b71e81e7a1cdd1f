package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LuceneSearchIndexTest extends SearchIndexContract {

    @Override
    protected SearchIndex open(Set<SearchFacet> facets, String synonyms) {
        return new LuceneSearchIndex(facets, synonyms);
    }

    /**
     * Every segment multiplies a search's term lookups: content published one item at a time must be searched as if
     * it had been indexed at once, not from a segment per publication.
     */
    @Test
    void contentPublishedOneAtATimeEndsInOneSegment() throws Exception {
        try (LuceneSearchIndex index = LuceneSearchIndex.withHealthSynonyms(
                EnumSet.of(SearchFacet.TYPE, SearchFacet.TAG, SearchFacet.AUDIENCE))) {
            for (int i = 0; i < 30; i++) {
                SearchDocument item = article("item-" + i, "Stretch " + i, "A stretch.", "Hold it for " + i + " s.");
                index.put(item);
                index.put(item); // an update: the old version deleted, the new one added
            }
            index.remove("id-item-0");

            assertThat(index.segments()).isEqualTo(1);
            assertThat(index.search(SearchQuery.of(Map.of("q", List.of("stretch"))))
                            .total())
                    .isEqualTo(29L);
        }
    }

    /**
     * What a search keeps between searches (spelling corrections, stored texts, built queries) belongs to one version
     * of the index: the same search after a change corrects to the new word and shows the new text.
     */
    @Test
    void aRepeatedSearchSeesWhatChangedSinceTheLastOne() throws Exception {
        try (LuceneSearchIndex index = LuceneSearchIndex.withHealthSynonyms(
                EnumSet.of(SearchFacet.TYPE, SearchFacet.TAG, SearchFacet.AUDIENCE))) {
            index.put(article("knees", "Knee rolls", "Gentle rolls.", "Roll both knees slowly to one side."));
            SearchQuery misspelt = SearchQuery.of(Map.of("q", List.of("pirifromis")));
            assertThat(index.search(misspelt).total()).isZero();

            index.put(
                    article("piriformis", "Piriformis stretch", "For the buttock.", "Cross one ankle over the knee."));
            SearchResults afterPublication = index.search(misspelt);
            assertThat(afterPublication.correctedQuery()).isEqualTo("piriformis");
            assertThat(afterPublication.items())
                    .extracting(SearchResults.Hit::slug)
                    .containsExactly("piriformis");

            index.put(article("knees", "Knee rolls", "Gentle rolls.", "Let both knees fall gently to the left."));
            SearchQuery knees = SearchQuery.of(Map.of("q", List.of("knees")));
            assertThat(index.search(knees).items().get(0).highlights())
                    .containsExactly("Let both <mark>knees</mark> fall gently to the left.");
            index.put(article("knees", "Knee rolls", "Gentle rolls.", "Lower both knees to the right, then back."));
            assertThat(index.search(knees).items().get(0).highlights())
                    .containsExactly("Lower both <mark>knees</mark> to the right, then back.");
        }
    }
}
