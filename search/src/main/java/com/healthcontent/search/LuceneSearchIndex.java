package com.healthcontent.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * A service's published content, searchable in memory on every instance, so that search scales with the service
 * and needs nothing else running. A search sees each change as soon as the call returns.
 *
 * <p>Ranking is BM25 over title (weighted most), headings, summary and facet words, then the text, with a bonus
 * for the words appearing together. A reader's misspelt word (not in the content or the synonym list) is replaced
 * by the nearest one that is (within {@link HealthTextAnalysis#typoEdits}), and the corrected words are returned to
 * show.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final String ID = "id";
    private static final String KIND = "kind";
    private static final String CONTENT = "content";
    private static final String TYPE = "type";
    private static final String SLUG = "slug";
    private static final String TITLE = "title";
    private static final String HEADINGS = "headings";
    private static final String SUMMARY = "summary";
    private static final String KEYWORDS = "keywords";
    private static final String BODY = "body";
    /** The text again, with the offsets of its words, for highlights only: see {@link #OFFSETS}. */
    private static final String BODY_OFFSETS = "body.offsets";
    /** Words as written, for spelling only: the content's and the synonym list's. */
    private static final String SPELLING = "spelling";

    /** In a fixed order, so that a query's clauses (and the sums of their scores, to the last bit) are the same. */
    private static final Map<String, Float> FIELD_WEIGHTS = fieldWeights();

    private static final int FACET_VALUES = 30;
    /**
     * The text shown in highlights indexed with the offsets of its words, so that a passage is found from the postings
     * instead of analysing the text again for every hit (ten times the cost of the search itself). In a field of its
     * own that no query searches: every phrase of a query (a synonym of several words, the reader's words together)
     * opens its words' postings in each field it searches, and in a field with offsets those are Lucene's heaviest
     * kind, which took a tenth of a search's CPU in the phrases alone.
     */
    private static final FieldType OFFSETS = offsets();

    private static final PassageScoring PASSAGE_SCORING = new PassageScoring();
    /** The weight of the reader's words matched one by one, without their synonyms, against the words with them. */
    private static final float WORDS_ALONE = 0.5f;
    /** Up to this size the index is merged into one segment after each change (a rewrite of a fraction of a second). */
    private static final long SMALL_ENOUGH_TO_REWRITE = 32L * 1024 * 1024;
    /** The most asked readers' texts whose query is kept built. */
    private static final int QUERIES_KEPT = 512;
    /** What is remembered of readers' words (corrections) is let go past this many. */
    private static final int REMEMBERED = 10_000;
    /**
     * The weights of this many searches are kept (the most asked, by Caffeine's frequency-aware eviction): each holds
     * the index's entry of every term of its query, about 100 KB with the demo content's synonyms, so about 13 MB.
     */
    private static final int WEIGHTS_KEPT = 128;
    /** At most this much content text is kept read (about 16 MB of heap). */
    private static final long STORED_CHARS = 8L * 1024 * 1024;

    private final Set<SearchFacet> facets;
    private final Analyzer indexing;
    private final Analyzer searching;
    private final Analyzer asWritten = HealthTextAnalysis.words();
    private final String vocabulary;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final ByteBuffersDirectory directory = inMemory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, SearchDocument> documents = new ConcurrentHashMap<>();
    /**
     * Readers ask the same things again and again: a query is built once per text (it depends on no content), for
     * the texts asked most. With its synonyms a query holds about 30 KB: kept for every text up to the bound of the
     * other memories, ten thousand readers' texts would have taken 300 MB.
     */
    private final Cache<String, Optional<Asking>> queries =
            Caffeine.newBuilder().maximumSize(QUERIES_KEPT).build();
    // What is read or worked out once per version of the index (each holds the reader it belongs to).
    private volatile FacetState facetState;
    private volatile Corrections corrections;
    private volatile StoredDocuments storedDocuments;
    private volatile Weights weights;
    private volatile AnalyzingInfixSuggester titles;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    /** The nearest known word of each misspelt one ("" when none is near enough). */
    private record Corrections(IndexReader reader, Map<String, String> nearest) {}

    /** Stored fields by document number, and the characters of text they hold. */
    private record StoredDocuments(IndexReader reader, Map<Integer, Document> byDoc, AtomicLong chars) {}

    /** The weights of the searches asked of a reader, by the words (as corrected) and the filters. */
    private record Weights(IndexReader reader, Cache<Asked, Weight> byAsked) {}

    private record Asked(String words, Map<SearchFacet, Set<String>> filters) {}

    /**
     * A reader's words as searched, and the part of them that looks in the text, for its highlights: the highlighter
     * goes through every clause of the query it is given to find the words to mark, and the text's clauses are a
     * fifth of the whole (that walk was a tenth of the samples of the judged queries searched in one JVM).
     */
    private record Asking(Query words, Query inText) {}

    /** An index of content counted under {@code facets}, searched with the platform's synonym list. */
    public static LuceneSearchIndex withHealthSynonyms(Set<SearchFacet> facets) {
        return new LuceneSearchIndex(facets, HealthTextAnalysis.healthSynonyms());
    }

    public LuceneSearchIndex(Set<SearchFacet> facets, String synonymList) {
        this.facets = facets.isEmpty() ? Set.of() : EnumSet.copyOf(facets);
        this.indexing = new PerFieldAnalyzerWrapper(HealthTextAnalysis.stemmed(), Map.of(SPELLING, asWritten));
        this.searching = HealthTextAnalysis.stemmedWithSynonyms(HealthTextAnalysis.synonyms(synonymList));
        this.vocabulary = HealthTextAnalysis.wordsOf(synonymList);
        for (SearchFacet facet : this.facets) {
            facetsConfig.setMultiValued(facet.parameter(), true);
        }
        try {
            writer = new IndexWriter(directory, fewSegments(new IndexWriterConfig(indexing)));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new WeighedSearcher(reader);
                }
            });
            replaceAll(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each file of the index in one buffer once written. By default a file is kept as a chain of small buffers, and
     * every posting list a search opens copies the whole chain's buffer views (a profile of the demo content's
     * searches had 43% of article-service's CPU there).
     */
    private static ByteBuffersDirectory inMemory() {
        return new ByteBuffersDirectory(
                new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    }

    /**
     * Publications arrive one at a time, each a new segment once the searcher is refreshed, and Lucene's default
     * policy lets ten or more pile up before merging: every search then looks each of its terms (with synonyms and
     * typo variants, hundreds) up in every segment. The demo content indexed one publication at a time (each put
     * twice, as an update does) was searched in 12.4 ms per judged query against 5.0 ms indexed at once; merged into
     * one segment after each change, 6.2 ms; with merges when two segments of a size are there, 7.7 ms. So an index
     * small enough to rewrite in a fraction of a second is merged whole after each change, a bigger one by that policy
     * (its merges in the writing thread, so that the refreshed searcher already sees the merged segment).
     */
    private static IndexWriterConfig fewSegments(IndexWriterConfig config) {
        TieredMergePolicy merging = new TieredMergePolicy();
        merging.setSegmentsPerTier(2);
        return config.setMergePolicy(merging).setMergeScheduler(new SerialMergeScheduler());
    }

    @Override
    public synchronized void put(SearchDocument document) {
        change(() -> writer.updateDocument(new Term(ID, document.id()), toLucene(document)));
        documents.put(document.id(), document);
        rebuildTitles();
    }

    @Override
    public synchronized void remove(String id) {
        change(() -> writer.deleteDocuments(new Term(ID, id)));
        if (documents.remove(id) != null) {
            rebuildTitles();
        }
    }

    @Override
    public synchronized void replaceAll(Supplier<? extends Collection<SearchDocument>> publishedNow) {
        Collection<SearchDocument> published = publishedNow.get();
        change(() -> {
            writer.deleteAll();
            Document words = new Document();
            words.add(new TextField(SPELLING, vocabulary, Field.Store.NO));
            writer.addDocument(words);
            for (SearchDocument document : published) {
                writer.addDocument(toLucene(document));
            }
        });
        documents.clear();
        published.forEach(document -> documents.put(document.id(), document));
        rebuildTitles();
    }

    /** How many segments searches go through now (see {@link #fewSegments}). */
    int segments() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public int size() {
        return documents.size();
    }

    @Override
    public SearchResults search(SearchQuery query) {
        return withSearcher(searcher -> search(searcher, query, true));
    }

    @Override
    public List<String> matchingIds(SearchQuery query) {
        return withSearcher(searcher -> search(searcher, query, false)).items().stream()
                .map(SearchResults.Hit::id)
                .toList();
    }

    private interface Search {
        SearchResults in(WeighedSearcher searcher) throws IOException;
    }

    private SearchResults withSearcher(Search search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.in((WeighedSearcher) searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        if (prefix.isBlank()) {
            return List.of();
        }
        try {
            return suggest(titles, prefix, limit);
        } catch (AlreadyClosedException replacedMeanwhile) {
            return suggest(titles, prefix, limit);
        }
    }

    private static List<Suggestion> suggest(AnalyzingInfixSuggester titles, String prefix, int limit) {
        try {
            List<Suggestion> suggestions = new ArrayList<>();
            for (Lookup.LookupResult found : titles.lookup(prefix, limit, true, false)) {
                String[] typeAndSlug = found.payload.utf8ToString().split(":", 2);
                suggestions.add(new Suggestion(found.key.toString(), typeAndSlug[0], typeAndSlug[1]));
            }
            return suggestions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        if (titles != null) {
            titles.close();
        }
    }

    /** A page as readers see it, or ({@code asPage} false) only the hits in order, without highlights or counts. */
    private SearchResults search(WeighedSearcher searcher, SearchQuery query, boolean asPage) throws IOException {
        String corrected = corrected(query.text(), searcher.getIndexReader());
        Asking asking = queries.get(corrected, this::asking).orElse(null);
        int wanted = (query.page() + 1) * query.size();
        boolean filteredOnAFacetNotHere = query.filters().keySet().stream().anyMatch(facet -> !facets.contains(facet));
        if (asking == null || filteredOnAFacetNotHere) {
            return new SearchResults(
                    query.text(),
                    correctedOrNull(query, corrected),
                    0,
                    query.page(),
                    query.size(),
                    List.of(),
                    Map.of());
        }
        Weight weight = weight(searcher, new Asked(corrected, query.filters()), asking.words());

        TopScoreDocCollectorManager best = new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE);
        TopDocs top;
        FacetsCollector matched = null;
        if (asPage) {
            Object[] collected = searcher.search(weight, new MultiCollectorManager(best, new FacetsCollectorManager()));
            top = (TopDocs) collected[0];
            matched = (FacetsCollector) collected[1];
        } else {
            top = searcher.search(weight, best);
        }

        ScoreDoc[] page = java.util.Arrays.copyOfRange(
                top.scoreDocs, Math.min(top.scoreDocs.length, query.page() * query.size()), top.scoreDocs.length);
        Map<Integer, String[]> highlights = asPage ? highlights(searcher, asking.inText(), page) : Map.of();
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (ScoreDoc hit : page) {
            Document found = stored(searcher, hit.doc);
            hits.add(new SearchResults.Hit(
                    found.get(TYPE),
                    found.get(ID),
                    found.get(SLUG),
                    found.get(TITLE),
                    found.get(SUMMARY),
                    hit.score,
                    List.of(highlights.getOrDefault(hit.doc, new String[0]))));
        }
        Map<String, List<SearchResults.FacetCount>> counted =
                asPage ? facetCounts(searcher.getIndexReader(), matched) : Map.of();
        return new SearchResults(
                query.text(),
                correctedOrNull(query, corrected),
                top.totalHits.value,
                query.page(),
                query.size(),
                hits,
                counted);
    }

    /**
     * The search's weight, made once per version of the index for the searches asked most. Making one rewrites the
     * query's tree and looks each of its terms (a few hundred with synonyms and the words alone) up in every field:
     * more than half of a repeated search's CPU (the judged queries in one JVM: 0.89 ms per article search before,
     * 0.42 ms with the weight kept), for a result that only a change of the index alters. A search not asked lately
     * still makes its own.
     */
    private Weight weight(WeighedSearcher searcher, Asked asked, Query words) throws IOException {
        Weights known = weights;
        if (known == null || known.reader() != searcher.getIndexReader()) {
            known = new Weights(
                    searcher.getIndexReader(),
                    Caffeine.newBuilder().maximumSize(WEIGHTS_KEPT).build());
            weights = known;
        }
        Weight weight = known.byAsked().getIfPresent(asked);
        if (weight == null) {
            BooleanQuery.Builder content = new BooleanQuery.Builder()
                    .add(words, Occur.MUST)
                    .add(new TermQuery(new Term(KIND, CONTENT)), Occur.FILTER);
            DrillDownQuery filtered = new DrillDownQuery(facetsConfig, content.build());
            asked.filters().forEach((facet, values) -> values.forEach(value -> filtered.add(facet.parameter(), value)));
            weight = searcher.createWeight(searcher.rewrite(filtered), ScoreMode.COMPLETE, 1f);
            known.byAsked().put(asked, weight);
        }
        return weight;
    }

    /** A searcher that runs a weight made before, for the same reader. */
    private static final class WeighedSearcher extends IndexSearcher {

        WeighedSearcher(IndexReader reader) {
            super(reader);
        }

        <C extends Collector, T> T search(Weight weight, CollectorManager<C, T> manager) throws IOException {
            C collector = manager.newCollector();
            search(getLeafContexts(), weight, collector);
            return manager.reduce(List.of(collector));
        }
    }

    private static String correctedOrNull(SearchQuery query, String corrected) {
        return corrected.equals(query.text()) ? null : corrected;
    }

    /**
     * The reader's words, each misspelt one replaced by the nearest word the index or the synonym list knows. The
     * nearest word is looked for once per index version: the look-up walks the whole vocabulary within the edits.
     */
    private String corrected(String text, IndexReader reader) throws IOException {
        Corrections known = corrections;
        if (known == null || known.reader() != reader) {
            known = new Corrections(reader, new ConcurrentHashMap<>());
            corrections = known;
        }
        StringBuilder corrected = new StringBuilder();
        int copied = 0;
        try (TokenStream tokens = asWritten.tokenStream(SPELLING, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                int edits = HealthTextAnalysis.typoEdits(word);
                if (edits == 0 || reader.docFreq(new Term(SPELLING, word)) > 0) {
                    continue;
                }
                String nearest = remembered(known.nearest(), word, misspelt -> nearest(misspelt, edits, reader));
                if (!nearest.isEmpty()) {
                    corrected.append(text, copied, offset.startOffset()).append(nearest);
                    copied = offset.endOffset();
                }
            }
            tokens.end();
        }
        return corrected.append(text.substring(copied)).toString();
    }

    private static String nearest(String misspelt, int edits, IndexReader reader) {
        DirectSpellChecker spelling = new DirectSpellChecker();
        spelling.setMinPrefix(1);
        spelling.setMaxEdits(Math.min(edits, LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE));
        try {
            SuggestWord[] nearest = spelling.suggestSimilar(
                    new Term(SPELLING, misspelt), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return nearest.length > 0 ? nearest[0].string : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code compute} gives for {@code key}, kept while fewer than {@link #REMEMBERED} are. */
    private static <V> V remembered(Map<String, V> known, String key, Function<String, V> compute) {
        V value = known.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (value != null && known.size() < REMEMBERED) {
                known.put(key, value);
            }
        }
        return value;
    }

    /**
     * Any of the words (and their synonyms) in any field, weighted by field, more for the words together; empty when
     * the text is nothing but punctuation.
     */
    private Optional<Asking> asking(String text) {
        QueryBuilder builder = new QueryBuilder(searching);
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        BooleanQuery.Builder inText = new BooleanQuery.Builder();
        boolean matchesSomething = false;
        for (Map.Entry<String, Float> field : FIELD_WEIGHTS.entrySet()) {
            Query inField = builder.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (inField != null) {
                add(new BoostQuery(inField, field.getValue()), field.getKey(), any, inText);
                matchesSomething = true;
            }
        }
        if (!matchesSomething) {
            return Optional.empty();
        }
        // The words on their own too: a phrase of the synonym list is matched whole, so without these a reader's
        // phrase that is in the list but not in the text ("slipped disk") would find nothing.
        QueryBuilder plain = new QueryBuilder(indexing);
        for (Map.Entry<String, Float> field : FIELD_WEIGHTS.entrySet()) {
            Query inField = plain.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (inField != null) {
                add(new BoostQuery(inField, field.getValue() * WORDS_ALONE), field.getKey(), any, inText);
            }
        }
        for (String field : List.of(TITLE, BODY)) {
            Query together = builder.createPhraseQuery(field, text, 3);
            if (together != null) {
                add(new BoostQuery(together, field.equals(TITLE) ? 3f : 1.5f), field, any, inText);
            }
        }
        return Optional.of(new Asking(any.build(), inText.build()));
    }

    private static void add(Query clause, String field, BooleanQuery.Builder any, BooleanQuery.Builder inText) {
        any.add(clause, Occur.SHOULD);
        if (field.equals(BODY)) {
            inText.add(clause, Occur.SHOULD);
        }
    }

    private Map<Integer, String[]> highlights(IndexSearcher searcher, Query inText, ScoreDoc[] page)
            throws IOException {
        if (page.length == 0) {
            return Map.of();
        }
        UnifiedHighlighter.Builder settings = UnifiedHighlighter.builder(searcher, indexing)
                .withFieldMatcher(BODY::equals) // the query's words in the text, found in the text with offsets
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                .withMaxNoHighlightPassages(0)
                .withScorer(PASSAGE_SCORING)
                .withBreakIterator(SentenceBreaks::new)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true));
        UnifiedHighlighter highlighter = new UnifiedHighlighter(settings) {
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return source == OffsetSource.POSTINGS
                        ? new PostingsLookedUpOnce(components)
                        : super.getOffsetStrategy(source, components);
            }

            /** The texts from {@link #stored}: as the default, a batch of documents up to the threshold's size. */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int threshold)
                    throws IOException {
                List<CharSequence[]> texts = new ArrayList<>();
                long chars = 0;
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Document document = stored(searcher, doc);
                    CharSequence[] byField = new CharSequence[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        byField[i] = document.get(fields[i].equals(BODY_OFFSETS) ? BODY : fields[i]);
                        chars += byField[i] == null ? 0 : byField[i].length();
                    }
                    texts.add(byField);
                    if (threshold == 0 || chars > threshold) {
                        break;
                    }
                }
                return texts;
            }
        };
        int[] docs = java.util.Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
        Map<String, String[]> byField =
                highlighter.highlightFields(new String[] {BODY_OFFSETS}, inText, docs, new int[] {2});
        Map<Integer, String[]> byDoc = new LinkedHashMap<>();
        for (int i = 0; i < docs.length; i++) {
            String passages = byField.get(BODY_OFFSETS)[i];
            byDoc.put(docs[i], passages == null ? new String[0] : new String[] {passages});
        }
        return byDoc;
    }

    private Map<String, List<SearchResults.FacetCount>> facetCounts(IndexReader reader, FacetsCollector matched)
            throws IOException {
        SortedSetDocValuesReaderState state = facetState(reader);
        if (state == null) {
            return Map.of();
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, matched);
        Map<String, List<SearchResults.FacetCount>> byFacet = new LinkedHashMap<>();
        for (SearchFacet facet : facets) {
            if (state.getOrdRange(facet.parameter()) == null) {
                continue; // no item has a value for it yet
            }
            FacetResult result = counts.getTopChildren(FACET_VALUES, facet.parameter());
            List<SearchResults.FacetCount> values = new ArrayList<>();
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.add(new SearchResults.FacetCount(value.label, value.value.longValue()));
                }
            }
            byFacet.put(facet.parameter(), values);
        }
        return byFacet;
    }

    /**
     * A hit's stored fields, read once per version of the index: they are compressed in blocks, and reading them
     * (the text again for each highlight) was a third of a search's CPU. Up to {@link #STORED_CHARS} of text are
     * kept, the rest read each time.
     */
    private Document stored(IndexSearcher searcher, int doc) throws IOException {
        StoredDocuments known = storedDocuments;
        if (known == null || known.reader() != searcher.getIndexReader()) {
            known = new StoredDocuments(searcher.getIndexReader(), new ConcurrentHashMap<>(), new AtomicLong());
            storedDocuments = known;
        }
        Document document = known.byDoc().get(doc);
        if (document == null) {
            document = searcher.storedFields().document(doc);
            String body = document.get(BODY);
            long chars = body == null ? 0 : body.length();
            if (known.chars().addAndGet(chars) <= STORED_CHARS) {
                known.byDoc().put(doc, document);
            }
        }
        return document;
    }

    /** Facet ordinals of the searcher's reader: built once per change, not per search. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState known = facetState;
        if (known != null && known.reader() == reader) {
            return known.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        } catch (IllegalArgumentException noFacetsYet) {
            state = null;
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    private static Map<String, Float> fieldWeights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(TITLE, 4f);
        weights.put(HEADINGS, 2f);
        weights.put(SUMMARY, 2f);
        weights.put(KEYWORDS, 2f);
        weights.put(BODY, 1f);
        return Collections.unmodifiableMap(weights);
    }

    private static FieldType offsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private Document toLucene(SearchDocument item) throws IOException {
        Document document = new Document();
        document.add(new StringField(ID, item.id(), Field.Store.YES));
        document.add(new StringField(KIND, CONTENT, Field.Store.NO));
        document.add(new StoredField(TYPE, item.type()));
        document.add(new StoredField(SLUG, item.slug()));
        document.add(new TextField(TITLE, item.title(), Field.Store.YES));
        document.add(new TextField(SUMMARY, item.summary(), Field.Store.YES));
        document.add(new TextField(BODY, item.body(), Field.Store.YES));
        document.add(new Field(BODY_OFFSETS, item.body(), OFFSETS));
        for (String heading : item.headings()) {
            document.add(new TextField(HEADINGS, heading, Field.Store.NO));
        }
        List<String> spelling = new ArrayList<>(List.of(item.title(), item.summary(), item.body()));
        spelling.addAll(item.headings());
        item.facets().forEach((facet, values) -> {
            if (!facets.contains(facet)) {
                throw new IllegalArgumentException(facet.parameter() + " is not counted in this index");
            }
            for (String value : values) {
                if (!value.isBlank()) {
                    document.add(new SortedSetDocValuesFacetField(facet.parameter(), value));
                    if (facet != SearchFacet.TYPE) {
                        document.add(new TextField(KEYWORDS, value.replace('_', ' '), Field.Store.NO));
                        spelling.add(value.replace('_', ' '));
                    }
                }
            }
        });
        document.add(new TextField(SPELLING, String.join(" ", spelling), Field.Store.NO));
        return facetsConfig.build(document);
    }

    private interface IndexChange {
        void apply() throws IOException;
    }

    private void change(IndexChange change) {
        try {
            change.apply();
            if (indexBytes() < SMALL_ENOUGH_TO_REWRITE) {
                writer.forceMerge(1);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long indexBytes() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            bytes += directory.fileLength(file);
        }
        return bytes;
    }

    /** Suggestions are rebuilt whole: titles are few, and a rebuild cannot leave a stale one behind. */
    private void rebuildTitles() {
        try {
            AnalyzingInfixSuggester rebuilt = new AnalyzingInfixSuggester(
                    inMemory(), HealthTextAnalysis.words(), HealthTextAnalysis.words(), 2, false);
            rebuilt.build(new Titles(List.copyOf(documents.values())));
            AnalyzingInfixSuggester old = titles;
            titles = rebuilt;
            if (old != null) {
                old.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Titles implements InputIterator {
        private final List<SearchDocument> items;
        private int next;
        private SearchDocument current;

        Titles(List<SearchDocument> items) {
            this.items = items;
        }

        @Override
        public BytesRef next() {
            if (next >= items.size()) {
                return null;
            }
            current = items.get(next++);
            return new BytesRef(current.title());
        }

        @Override
        public long weight() {
            return 1;
        }

        @Override
        public BytesRef payload() {
            return new BytesRef(current.type() + ":" + current.slug());
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
