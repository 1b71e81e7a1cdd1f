package com.healthcontent.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How text becomes terms. Content and queries are stemmed alike ("stretches" and "stretching" meet at "stretch"),
 * and the synonym list is stemmed the same way and applied to queries only: a reader's "slipped disc" also looks
 * for "herniated disc" without the index growing with every synonym, and a change to the list needs no reindex.
 * Stop words are kept: a synonym such as "crick in the neck" must match as written, and their low weight already
 * keeps them from deciding a ranking.
 *
 * <p>Another engine builds the same chain from these parts (standard tokenizer, English possessive, lower case,
 * ASCII folding, Porter stemming, the synonym graph on queries) and corrects spelling with {@link #words()}.
 */
public final class HealthTextAnalysis {

    static final String SYNONYMS = "/com/healthcontent/search/synonyms.txt";

    private HealthTextAnalysis() {}

    /** Content and queries, word by word, stemmed. */
    static Analyzer stemmed() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(words, new PorterStemFilter(plain(words)));
            }
        };
    }

    /** Queries: stemmed, then each phrase of the synonym list also read as the others of its group. */
    static Analyzer stemmedWithSynonyms(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(
                        words, new SynonymGraphFilter(new PorterStemFilter(plain(words)), synonyms, true));
            }
        };
    }

    /** Words as written (lower case, accents folded): what typos are corrected against, and title suggestions. */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(words, plain(words));
            }
        };
    }

    /**
     * How many letters a reader may have got wrong in {@code word} (as {@link #words()} gives it) for it to be
     * corrected to a known word: none under five letters (a four-letter word is too often another word one letter
     * away: "heat" is not "head") or with digits, one up to seven letters, two from eight.
     */
    public static int typoEdits(String word) {
        if (word.length() < 5 || !word.chars().allMatch(Character::isLetter)) {
            return 0;
        }
        return word.length() >= 8 ? 2 : 1;
    }

    private static TokenStream plain(TokenStream words) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(words)));
    }

    /** The platform's lay-to-clinical list, in Solr's format: a group of equivalent phrases per line. */
    public static String healthSynonyms() {
        try (InputStream list = HealthTextAnalysis.class.getResourceAsStream(SYNONYMS)) {
            if (list == null) {
                throw new IllegalStateException(SYNONYMS + " is missing from the class path");
            }
            return new String(list.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SynonymMap synonyms(String list) {
        try (Analyzer stemmed = stemmed()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, stemmed);
            parser.parse(new StringReader(list));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The synonym list does not parse: " + e.getMessage(), e);
        }
    }

    /** Every word of the list as written, so that a misspelt synonym is corrected like a misspelt word of the text. */
    public static String wordsOf(String list) {
        return list.lines()
                .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
                .map(line -> line.replaceAll("=>|,", " "))
                .collect(Collectors.joining(" "));
    }
}
