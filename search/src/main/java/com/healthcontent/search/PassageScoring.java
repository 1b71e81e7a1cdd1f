package com.healthcontent.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage, with its defaults), computed without a hash of the passage's terms.
 * The default builds a {@code BytesRefHash} for every candidate passage, which allocates a 32 KB block on its first
 * term: half of all the memory a search allocated (JFR; 5.2 MB per article search in all), for passages of a
 * few matches. Here the distinct terms are found by comparing with those seen before, in the same first-seen order,
 * so the sum is the same, to the bit, as the default's.
 */
final class PassageScoring extends PassageScorer {

    /** Past this many matches in one passage, comparing each with all before it costs more than the hash. */
    private static final int MAX_COMPARED_MATCHES = 64;

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        if (matches > MAX_COMPARED_MATCHES) {
            return super.score(passage, contentLength);
        }
        BytesRef[] terms = passage.getMatchTerms();
        int[] termFreqsInDoc = passage.getMatchTermFreqsInDoc();
        // distinct[k]: the index of the k-th distinct term's first match; inPassage[k]: its matches in the passage
        int[] distinct = new int[matches];
        int[] inPassage = new int[matches];
        int distinctTerms = 0;
        for (int i = 0; i < matches; i++) {
            int k = 0;
            while (k < distinctTerms && !terms[distinct[k]].bytesEquals(terms[i])) {
                k++;
            }
            if (k == distinctTerms) {
                distinct[distinctTerms++] = i;
            }
            inPassage[k]++;
        }
        double score = 0;
        for (int k = 0; k < distinctTerms; k++) {
            score += tf(inPassage[k], passage.getLength()) * weight(contentLength, termFreqsInDoc[distinct[k]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
