package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/** The passage score without a hash of the terms is Lucene's, to the bit, so highlights pick the same passages. */
class PassageScoringProperties {

    @Property
    void scoresAPassageExactlyAsLucenesDefault(
            @ForAll @Size(min = 1, max = 80) List<@StringLength(min = 1, max = 2) String> matchedTerms,
            @ForAll @IntRange(min = 1, max = 50) int termFreqInDoc,
            @ForAll @IntRange(min = 0, max = 5_000) int start,
            @ForAll @IntRange(min = 1, max = 400) int length,
            @ForAll @IntRange(min = 1, max = 50_000) int contentLength) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(start + Math.max(length, matchedTerms.size()));
        int offset = start;
        for (String term : matchedTerms) { // few distinct short terms: repeats within a passage are the rule
            passage.addMatch(offset, offset + 1, new BytesRef(term), termFreqInDoc + term.length());
            offset++;
        }

        assertThat(new PassageScoring().score(passage, contentLength))
                .isEqualTo(new PassageScorer().score(passage, contentLength));
    }
}
