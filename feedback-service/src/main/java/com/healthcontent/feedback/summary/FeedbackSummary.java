package com.healthcontent.feedback.summary;

import com.healthcontent.feedback.content.ContentType;
import java.util.Map;

/** What readers and reviewers see of an item's feedback: all-time counts and the last 30 days. */
public record FeedbackSummary(
        ContentType type,
        String id,
        long helpful,
        long notHelpful,
        Map<String, Long> byReason,
        FeedbackSummaries.Counts last30Days) {

    static FeedbackSummary empty(ContentType type, String id) {
        return new FeedbackSummary(type, id, 0, 0, Map.of(), FeedbackSummaries.Counts.zero());
    }
}
