package com.healthcontent.readersite.feedback;

/** How readers have voted on a page, all time ({@code GET /api/v1/feedback/summary}). */
public record FeedbackSummary(long helpful, long notHelpful) {

    public long votes() {
        return helpful + notHelpful;
    }

    /** "12 of 14 readers found this helpful", or nothing before anyone voted. */
    public String inWords() {
        if (votes() == 0) {
            return "";
        }
        return helpful + " of " + votes() + (votes() == 1 ? " reader" : " readers") + " found this helpful";
    }
}
