package com.healthcontent.events;

import java.time.Instant;
import java.util.List;

/**
 * A reader's answer as feedback-service accepted it, before it is stored: the request path sends it to Kafka and
 * answers 202 once the broker has it; feedback-service's intake stores and counts these in batches. Internal to
 * feedback-service (it carries the reader's comment, masked, and the keyed hashes abuse control needs): other services
 * hear of stored feedback through {@link FeedbackSubmitted} and {@link FeedbackChanged}.
 *
 * <p>Keyed by {@code readerKey}, so one reader's answers stay in order, and one reader's answers are counted by one
 * consumer. Answers with a reason travel on a topic of their own, so that no burst of votes delays a report.
 *
 * @param feedbackId     derived from {@code voteKey}: the same for a repeat and for the answers that change a vote
 * @param targetRevision the revision that was live when the reader answered (an article's revision, an exercise's version)
 * @param readerKey      keyed hash of the reader's address and user agent, for the per-reader limit
 * @param voteKey        keyed hash of reader, item and UTC day: one vote per reader, item and day
 * @param dedupeKey      keyed hash of the whole answer within the duplicate window: a repeat counts once
 */
public record FeedbackReceived(
        String feedbackId,
        String targetType,
        String targetId,
        String targetSlug,
        String targetTitle,
        long targetRevision,
        List<String> reviewers,
        String author,
        boolean helpful,
        String reason,
        String comment,
        String tryingTo,
        List<String> flags,
        Instant answeredAt,
        String readerKey,
        String voteKey,
        String dedupeKey) {

    public FeedbackReceived {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
