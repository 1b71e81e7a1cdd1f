package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    @Test
    void aPassageIsASentenceOrALine() {
        assertThat(sentences("Rest briefly. Then walk (a little!) again? \"Yes.\" Keep going.\n"
                        + "- a yoga mat\n\nSee your GP if it is worse."))
                .containsExactly(
                        "Rest briefly. ",
                        "Then walk (a little!) again? ",
                        "\"Yes.\" ",
                        "Keep going.\n",
                        "- a yoga mat\n\n",
                        "See your GP if it is worse.");
    }

    @Test
    void aFullStopBeforeALowerCaseWordOrInsideAWordDoesNotEndTheSentence() {
        assertThat(sentences("Try a support, e.g. a rolled towel, under 2.5 cm of heel. Then stand."))
                .containsExactly("Try a support, e.g. a rolled towel, under 2.5 cm of heel. ", "Then stand.");
    }

    @Test
    void theSentenceAroundAMatchIsFoundFromAnyOffsetInIt() {
        String text = "  Rest briefly. Then walk again.";
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText(text);
        int walk = text.indexOf("walk");
        assertThat(text.substring(breaks.preceding(walk + 1), breaks.following(walk)))
                .isEqualTo("Then walk again.");
        assertThat(breaks.preceding(text.indexOf("Rest") + 1)).isZero();
        assertThat(breaks.following(text.length() - 1)).isEqualTo(text.length());
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.following(text.length())).isEqualTo(BreakIterator.DONE);
    }

    private static List<String> sentences(String text) {
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = breaks.first(), end = breaks.next();
                end != BreakIterator.DONE;
                start = end, end = breaks.next()) {
            sentences.add(text.substring(start, end));
        }
        return sentences;
    }
}
