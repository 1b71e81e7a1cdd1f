package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Highlights with each word looked up once per page of hits are Lucene's own, passage for passage. */
class PostingsLookedUpOnceTest {

    private static final List<String> WORDS = List.of(
            "back",
            "pain",
            "neck",
            "knee",
            "disc",
            "spine",
            "stretch",
            "rest",
            "walk",
            "sleep",
            "lift",
            "nerve",
            "muscle",
            "joint",
            "ache",
            "stiff",
            "sciatica",
            "posture",
            "exercise",
            "physiotherapist");
    private static final StandardAnalyzer ANALYZER = new StandardAnalyzer();

    @Test
    void highlightsAreLucenesOwnAcrossSegmentsAndPages() throws IOException {
        Random random = new Random(20261205);
        FieldType withOffsets = new FieldType();
        withOffsets.setStored(true);
        withOffsets.setTokenized(true);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        withOffsets.freeze();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(
                    directory, new IndexWriterConfig(ANALYZER).setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int segment = 0; segment < 3; segment++) {
                    for (int i = 0; i < 40; i++) {
                        Document document = new Document();
                        document.add(new Field("body", text(random), withOffsets));
                        writer.addDocument(document);
                    }
                    writer.commit();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(3);
                IndexSearcher searcher = new IndexSearcher(reader);
                int highlighted = 0;
                for (int round = 0; round < 200; round++) {
                    Query query = query(random);
                    int[] page = random.ints(1 + random.nextInt(12), 0, reader.maxDoc())
                            .distinct()
                            .toArray();
                    String[] lucenes = lucenes(searcher).highlight("body", query, page(searcher, page), 2);
                    String[] ours = looksUpOnce(searcher).highlight("body", query, page(searcher, page), 2);
                    assertThat(ours).as("round %d", round).containsExactly(lucenes);
                    highlighted += (int) IntStream.range(0, lucenes.length)
                            .filter(i -> lucenes[i] != null && lucenes[i].contains("<b>"))
                            .count();
                }
                assertThat(highlighted).as("hits with a highlighted word").isGreaterThan(500);
            }
        }
    }

    private static TopDocs page(IndexSearcher searcher, int[] docs) {
        ScoreDoc[] hits = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            hits[i] = new ScoreDoc(docs[i], docs.length - i);
        }
        return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), hits);
    }

    private static UnifiedHighlighter.Builder settings(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, ANALYZER)
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                .withMaxNoHighlightPassages(0);
    }

    private static UnifiedHighlighter lucenes(IndexSearcher searcher) {
        return new UnifiedHighlighter(settings(searcher));
    }

    private static UnifiedHighlighter looksUpOnce(IndexSearcher searcher) {
        return new UnifiedHighlighter(settings(searcher)) {
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                assertThat(source).isEqualTo(OffsetSource.POSTINGS);
                return new PostingsLookedUpOnce(components);
            }
        };
    }

    /** Sentences of the words, some of them twice, so that hits have several passages to choose from. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 2 + random.nextInt(6); sentence++) {
            for (int word = 0; word < 4 + random.nextInt(8); word++) {
                text.append(word == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
            }
            text.append(". ");
        }
        return text.toString();
    }

    /** Any of up to thirty words, some not in any text, and now and then two of them as a phrase. */
    private static Query query(Random random) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            String word = random.nextInt(5) == 0 ? "absent" + i : WORDS.get(random.nextInt(WORDS.size()));
            any.add(new TermQuery(new Term("body", word)), Occur.SHOULD);
        }
        if (random.nextBoolean()) {
            any.add(
                    new PhraseQuery(
                            "body", WORDS.get(random.nextInt(WORDS.size())), WORDS.get(random.nextInt(WORDS.size()))),
                    Occur.SHOULD);
        }
        return any.build();
    }
}
