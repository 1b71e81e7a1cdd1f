package com.healthcontent.search;

import java.io.Closeable;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A service's published content as readers search it: their own words, misspelt or not, ranked, highlighted and
 * counted under facets. The owner keeps it current; a search sees each change once the call has returned.
 *
 * <p>Two engines answer the same contract: {@link LuceneSearchIndex}, in memory on every instance (nothing else to
 * run, search scales with the service), and an OpenSearch index shared by all instances, for content or traffic
 * that outgrows one instance's memory.
 */
public interface SearchIndex extends Closeable {

    /** Adds the item, or replaces what was indexed under its id. */
    void put(SearchDocument document);

    /** The item is no longer published: readers stop finding it. */
    void remove(String id);

    /**
     * Everything published, as at a start: what was indexed before and is not among these is gone. The content is
     * read through {@code publishedNow} so that an index shared by instances keeps what another instance added
     * while this one was reading the database.
     */
    void replaceAll(Supplier<? extends Collection<SearchDocument>> publishedNow);

    default void replaceAll(Collection<SearchDocument> published) {
        replaceAll(() -> published);
    }

    /** How many items are searchable. */
    int size();

    /** One page, with highlights, facet counts and the corrected words when the reader's were misspelt. */
    SearchResults search(SearchQuery query);

    /**
     * The ids of the query's page of matches, best first, spelling corrected as in {@link #search}; nothing else is
     * computed, for lists that filter by words and order by their own rule.
     */
    List<String> matchingIds(SearchQuery query);

    /** Titles containing words that start as the reader's do, for a search box; at most {@code limit}. */
    List<Suggestion> suggest(String prefix, int limit);
}
