package com.healthcontent.feedback.summary;

import com.healthcontent.feedback.content.ContentType;
import java.util.List;
import java.util.Map;

/**
 * What readers and reviewers see of an item's feedback: all-time counts, the last 30 days, and per revision of the
 * item: {@code revision} is the one readers see now, {@code current} the votes given on it (a published fix starts
 * from zero), {@code revisions} the live revision and earlier ones with votes, newest first, at most
 * {@value FeedbackSummaries#REVISIONS_SHOWN}. Votes given before revisions were recorded count in all-time and the
 * last 30 days only, so the revisions may add up to less than all time.
 */
public record FeedbackSummary(
        ContentType type,
        String id,
        long helpful,
        long notHelpful,
        Map<String, Long> byReason,
        FeedbackSummaries.Counts last30Days,
        long revision,
        FeedbackSummaries.Counts current,
        List<RevisionCounts> revisions) {

    /** The votes given on one revision of the item, amendments included. */
    public record RevisionCounts(long revision, long helpful, long notHelpful, Map<String, Long> byReason) {

        static RevisionCounts of(long revision, FeedbackSummaries.Counts counts) {
            return new RevisionCounts(revision, counts.helpful(), counts.notHelpful(), counts.byReason());
        }
    }

    static FeedbackSummary empty(ContentType type, String id, long liveRevision) {
        return new FeedbackSummary(
                type,
                id,
                0,
                0,
                Map.of(),
                FeedbackSummaries.Counts.zero(),
                liveRevision,
                FeedbackSummaries.Counts.zero(),
                List.of(RevisionCounts.of(liveRevision, FeedbackSummaries.Counts.zero())));
    }
}
