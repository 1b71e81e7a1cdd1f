package com.healthcontent.exercises.exercise;

import java.util.Set;

/**
 * Which listed exercises a reader's words find, as the search index reads them (stemming, synonyms, typos), so
 * that the list's {@code q} finds what search finds.
 */
public interface TextMatches {

    /** The ids of the listed exercises matching {@code words}, at most the index's result bound. */
    Set<String> exerciseIds(String words);
}
