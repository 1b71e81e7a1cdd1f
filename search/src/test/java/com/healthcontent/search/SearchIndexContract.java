package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search as a reader meets it, whichever engine answers: their own words, misspelt, with facets, highlights and
 * suggestions. Each {@link SearchIndex} passes it.
 */
public abstract class SearchIndexContract {

    private static final String SYNONYMS = """
            # lay words and the clinical ones
            slipped disc, herniated disc, prolapsed disc
            crack back, back cracking, spinal manipulation, joint cavitation
            sciatica, lumbar radiculopathy
            """;

    private SearchIndex index;

    /** An empty index counting {@code facets}, searched with {@code synonyms} (Solr's format). */
    protected abstract SearchIndex open(Set<SearchFacet> facets, String synonyms);

    @BeforeEach
    void open() {
        index = open(EnumSet.of(SearchFacet.TYPE, SearchFacet.TAG, SearchFacet.AUDIENCE), SYNONYMS);
    }

    static SearchDocument article(String slug, String title, String summary, String body, String... tags) {
        return new SearchDocument(
                "article",
                "id-" + slug,
                slug,
                title,
                summary,
                List.of(),
                body,
                Map.of(
                        SearchFacet.TYPE,
                        List.of("article"),
                        SearchFacet.TAG,
                        List.of(tags),
                        SearchFacet.AUDIENCE,
                        List.of("PATIENT")));
    }

    private void indexTheBackArticles() {
        index.replaceAll(List.of(
                article(
                        "herniated-disc",
                        "Herniated disc: what it is and what helps",
                        "When the soft centre of a spinal disc pushes out and presses on a nerve.",
                        "Most herniated discs settle within weeks with gentle activity.",
                        "back pain",
                        "disc"),
                article(
                        "is-it-good-or-bad-to-crack-your-back",
                        "Is it good or bad to crack your back?",
                        "Why a back pops when you twist it.",
                        "The pop is joint cavitation: a gas bubble forming in the joint fluid <not a bone>.",
                        "back pain"),
                article(
                        "sciatica",
                        "Sciatica: leg pain that starts in the back",
                        "Pain running down the leg along the sciatic nerve.",
                        "Stretches for the lower back and hips often ease it.",
                        "back pain",
                        "nerve pain")));
    }

    @AfterEach
    void close() throws Exception {
        if (index != null) {
            index.close();
        }
    }

    private List<String> slugs(String words) {
        return index.search(new SearchQuery(words, Map.of(), 0, 10)).items().stream()
                .map(SearchResults.Hit::slug)
                .toList();
    }

    @Test
    void layWordsFindTheClinicalPageThroughTheSynonymList() {
        indexTheBackArticles();
        assertThat(slugs("slipped disc")).first().isEqualTo("herniated-disc");
        assertThat(slugs("lumbar radiculopathy")).first().isEqualTo("sciatica");
        assertThat(slugs("spinal manipulation")).first().isEqualTo("is-it-good-or-bad-to-crack-your-back");
    }

    @Test
    void wordsMatchWhateverTheirEnding() {
        indexTheBackArticles();
        assertThat(slugs("stretching hip")).containsExactly("sciatica");
        assertThat(slugs("cracking")).first().isEqualTo("is-it-good-or-bad-to-crack-your-back");
    }

    @Test
    void aMisspeltWordIsCorrectedAndTheCorrectionIsSaid() {
        indexTheBackArticles();
        SearchResults found = index.search(new SearchQuery("craking my back", Map.of(), 0, 10));
        assertThat(found.correctedQuery()).isEqualTo("cracking my back");
        assertThat(found.items().get(0).slug()).isEqualTo("is-it-good-or-bad-to-crack-your-back");

        assertThat(index.search(new SearchQuery("sciatca", Map.of(), 0, 10)).items())
                .extracting(SearchResults.Hit::slug)
                .first()
                .isEqualTo("sciatica");
        // short words are not "corrected" into others: one edit is too much of a four-letter word's letters
        assertThat(index.search(new SearchQuery("hip", Map.of(), 0, 10)).correctedQuery())
                .isNull();
        index.put(article("neck-turns", "Neck turns", "Turn your head.", "Turn the head slowly.", "neck pain"));
        assertThat(index.search(new SearchQuery("ice and heat", Map.of(), 0, 10))
                        .correctedQuery())
                .isNull();
        // a word spelt right is left alone, even when a similar one is more common
        assertThat(index.search(new SearchQuery("herniated disc", Map.of(), 0, 10))
                        .correctedQuery())
                .isNull();
    }

    @Test
    void highlightsMarkTheMatchedWordsAndEscapeTheRest() {
        indexTheBackArticles();
        SearchResults found = index.search(new SearchQuery("cavitation", Map.of(), 0, 10));
        assertThat(found.items()).hasSize(1);
        assertThat(found.items().get(0).highlights())
                .anySatisfy(passage -> assertThat(passage)
                        .contains("<mark>cavitation</mark>")
                        .contains("&lt;not a bone&gt;")
                        .doesNotContain("<not"));
    }

    @Test
    void facetsCountWhatMatchedAndFiltersNarrowIt() {
        indexTheBackArticles();
        SearchResults all = index.search(new SearchQuery("back", Map.of(), 0, 10));
        assertThat(all.total()).isEqualTo(3);
        Map<String, Long> tags = new LinkedHashMap<>();
        all.facets().get("tag").forEach(count -> tags.put(count.value(), count.count()));
        assertThat(tags)
                .containsEntry("back pain", 3L)
                .containsEntry("disc", 1L)
                .containsEntry("nerve pain", 1L);

        SearchResults nerve =
                index.search(new SearchQuery("back", Map.of(SearchFacet.TAG, Set.of("nerve pain")), 0, 10));
        assertThat(nerve.items()).extracting(SearchResults.Hit::slug).containsExactly("sciatica");
        // several values of one facet widen, two facets narrow
        assertThat(index.search(new SearchQuery("back", Map.of(SearchFacet.TAG, Set.of("nerve pain", "disc")), 0, 10))
                        .total())
                .isEqualTo(2);
        // a facet this content does not have: nothing of it matches
        assertThat(index.search(new SearchQuery("back", Map.of(SearchFacet.BODY_REGION, Set.of("NECK")), 0, 10))
                        .total())
                .isZero();
    }

    @Test
    void pagesDoNotOverlap() {
        indexTheBackArticles();
        List<String> first = index.search(new SearchQuery("back", Map.of(), 0, 2)).items().stream()
                .map(SearchResults.Hit::slug)
                .toList();
        List<String> second = index.search(new SearchQuery("back", Map.of(), 1, 2)).items().stream()
                .map(SearchResults.Hit::slug)
                .toList();
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    void queryCharactersAreWordsNotSyntax() {
        indexTheBackArticles();
        for (String odd : List.of("\"slipped disc", "disc*", "back~2", "(sciatica", "AND OR NOT", "+-&&||!{}[]^:\\/")) {
            assertThat(index.search(new SearchQuery(odd, Map.of(), 0, 10)))
                    .as(odd)
                    .isNotNull();
        }
        assertThat(slugs("\"slipped disc")).first().isEqualTo("herniated-disc");
        assertThat(index.search(new SearchQuery("!!! ???", Map.of(), 0, 10)).total())
                .isZero();
    }

    @Test
    void changesShowAtOnceAndAnUnpublishedItemIsNotFound() {
        indexTheBackArticles();
        index.remove("id-sciatica");
        assertThat(slugs("sciatica")).doesNotContain("sciatica");
        index.put(article("sciatica", "Sciatica, revised", "Leg pain.", "Text.", "back pain"));
        assertThat(slugs("revised")).containsExactly("sciatica");
        index.put(article("sciatica", "Sciatica", "Leg pain.", "Text.", "back pain"));
        assertThat(slugs("revised")).isEmpty();
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void idsAloneComeBestFirstAndCorrected() {
        indexTheBackArticles();
        assertThat(index.matchingIds(new SearchQuery("sciatca nerve", Map.of(), 0, 10)))
                .first()
                .isEqualTo("id-sciatica");
        assertThat(index.matchingIds(new SearchQuery("back", Map.of(), 0, 2))).hasSize(2);
        assertThat(index.matchingIds(new SearchQuery("back", Map.of(SearchFacet.TAG, Set.of("disc")), 0, 10)))
                .containsExactly("id-herniated-disc");
        assertThat(index.matchingIds(new SearchQuery("!!!", Map.of(), 0, 10))).isEmpty();
    }

    @Test
    void startingOverKeepsOnlyWhatIsPublishedNow() {
        indexTheBackArticles();
        index.replaceAll(List.of(article("sciatica", "Sciatica", "Leg pain.", "Text.", "back pain")));
        assertThat(index.size()).isEqualTo(1);
        assertThat(slugs("herniated disc")).isEmpty();
        assertThat(index.suggest("herni", 5)).isEmpty();
        assertThat(slugs("sciatica")).containsExactly("sciatica");
    }

    @Test
    void suggestionsOfferTitlesAsTheReaderTypes() {
        indexTheBackArticles();
        assertThat(index.suggest("herni", 5)).extracting(Suggestion::slug).containsExactly("herniated-disc");
        assertThat(index.suggest("back", 5)).extracting(Suggestion::slug).hasSize(2);
        assertThat(index.suggest("zzz", 5)).isEmpty();
    }
}
