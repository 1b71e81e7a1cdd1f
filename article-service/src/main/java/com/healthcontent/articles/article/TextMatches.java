package com.healthcontent.articles.article;

import java.util.Set;

/**
 * Which live articles a reader's words find, as the search index reads them (stemming, synonyms, typos), so that
 * the list's {@code q} finds what search finds.
 */
public interface TextMatches {

    /** The ids of the live articles matching {@code words}, at most the index's result bound. */
    Set<String> articleIds(String words);
}
