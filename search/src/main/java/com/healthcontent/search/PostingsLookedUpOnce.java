package com.healthcontent.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * Where the query's words are in each hit, for its highlight, from the offsets kept in the index, as Lucene's
 * {@link PostingsOffsetStrategy} finds them, but with each word looked up in the index once per page of hits instead
 * of once per hit. A search's query has a few hundred words (synonyms, the words alone, each in its field), and
 * Lucene's strategy looked every one up and opened its postings with offsets for every hit: a third of
 * article-service's CPU per search. Here each word is looked up once per segment, a cheap list of the documents it is
 * in tells which hits have it, and only for those are its postings with offsets opened, from the kept term state.
 * The highlighter asks for the hits in document order, so each list is only read forward, and it is done with one
 * hit's postings before it asks for the next hit's, so those are used again (each holds a few kilobytes of buffers,
 * which were most of what a search allocated). One instance serves one highlighting call (the highlighter makes one
 * per call), on one thread.
 */
final class PostingsLookedUpOnce extends PostingsOffsetStrategy {

    /** The segment's terms the words were looked up in, and what was found there. */
    private Terms segment;

    private TermsEnum termsEnum;
    private TermState[] states;
    private PostingsEnum[] documents;
    /** The postings with offsets handed out for the last hit, and those free to be used again. */
    private final List<PostingsEnum> inUse = new ArrayList<>();

    private final ArrayDeque<PostingsEnum> free = new ArrayDeque<>();

    PostingsLookedUpOnce(UHComponents components) {
        super(components);
    }

    @Override
    protected void createOffsetsEnumsForTerms(BytesRef[] words, Terms terms, int doc, List<OffsetsEnum> results)
            throws IOException {
        if (terms != segment) {
            lookUp(words, terms);
            inUse.clear(); // postings of another segment's terms cannot be used again here
            free.clear();
        }
        free.addAll(inUse);
        inUse.clear();
        for (int i = 0; i < words.length; i++) {
            PostingsEnum in = documents[i];
            if (in == null || in.docID() > doc || (in.docID() < doc && in.advance(doc) != doc)) {
                continue;
            }
            termsEnum.seekExact(words[i], states[i]);
            PostingsEnum offsets = termsEnum.postings(free.poll(), PostingsEnum.OFFSETS);
            if (offsets == null) {
                throw new IllegalArgumentException(
                        "field '" + getField() + "' was indexed without offsets, cannot highlight");
            }
            inUse.add(offsets);
            if (offsets.advance(doc) == doc) {
                results.add(new OffsetsEnum.OfPostings(words[i], offsets));
            }
        }
    }

    private void lookUp(BytesRef[] words, Terms terms) throws IOException {
        segment = terms;
        termsEnum = terms.iterator();
        states = new TermState[words.length];
        documents = new PostingsEnum[words.length];
        for (int i = 0; i < words.length; i++) {
            if (termsEnum.seekExact(words[i])) {
                states[i] = termsEnum.termState();
                documents[i] = termsEnum.postings(null, PostingsEnum.NONE);
            }
        }
    }
}
