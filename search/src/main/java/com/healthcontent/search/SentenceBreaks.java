package com.healthcontent.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Where the highlighter may start and end a passage: at the start of a sentence. A sentence ends at {@code .},
 * {@code !} or {@code ?} (closing quotes or brackets may follow) before white space and a word that does not start
 * in lower case ("e.g. a bridge" goes on), and at a line break; the next starts at its first character that is not
 * white space. The JDK's sentence rules said much the same of our prose, at 40% of the highlighter's time: each
 * passage asked for the boundaries around a match, which the rule engine finds by stepping back to a safe point
 * and forward again, a character at a time through a {@code CharacterIterator}. Here they are found in the text,
 * all at once, and kept for as long as the text is: a hit's text is the same string for every search of one version
 * of the index, and stepping to the boundaries around each passage again for every search was still a seventh of a
 * search's CPU.
 */
final class SentenceBreaks extends BreakIterator {

    /** Where each text's sentences start after its first, by the text's identity (a hit's kept stored text). */
    private static final Cache<String, int[]> STARTS =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private static final int[] NONE = new int[0];

    private String text = "";
    private int[] starts = NONE;
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        starts = STARTS.get(newText, SentenceBreaks::starts);
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder chars = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            chars.append(c);
        }
        setText(chars.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text, current);
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        return following(current);
    }

    @Override
    public int previous() {
        return preceding(current);
    }

    @Override
    public int next(int n) {
        int boundary = current;
        for (int i = 0; i < n && boundary != DONE; i++) {
            boundary = next();
        }
        for (int i = 0; i > n && boundary != DONE; i--) {
            boundary = previous();
        }
        return boundary;
    }

    /** The first boundary after {@code offset} (the text's end is one), or {@link #DONE} at the end. */
    @Override
    public int following(int offset) {
        checkOffset(offset);
        if (offset == text.length()) {
            return DONE;
        }
        int next = insertionPoint(offset + 1);
        return current = next < starts.length ? starts[next] : text.length();
    }

    /** The last boundary before {@code offset} (the text's start is one), or {@link #DONE} at the start. */
    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        if (offset == 0) {
            return DONE;
        }
        int before = insertionPoint(offset) - 1;
        return current = before >= 0 ? starts[before] : 0;
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        return offset == 0 || offset == text.length() || Arrays.binarySearch(starts, offset) >= 0;
    }

    /** The index in {@link #starts} of the first start at or after {@code offset}. */
    private int insertionPoint(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 1;
    }

    private static int[] starts(String text) {
        return IntStream.range(1, text.length())
                .filter(at -> startsSentence(text, at))
                .toArray();
    }

    private static boolean startsSentence(String text, int at) {
        char first = text.charAt(at);
        if (Character.isWhitespace(first) || !Character.isWhitespace(text.charAt(at - 1))) {
            return false;
        }
        int end = at - 1;
        boolean lineBreak = false;
        while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
            lineBreak |= text.charAt(end) == '\n';
            end--;
        }
        if (end < 0) {
            return false; // white space the text starts with belongs to its first sentence
        }
        if (lineBreak) {
            return true;
        }
        while (end >= 0 && "\"')]’”".indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && ".!?".indexOf(text.charAt(end)) >= 0 && !Character.isLowerCase(first);
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text (0-" + text.length() + ")");
        }
    }
}
