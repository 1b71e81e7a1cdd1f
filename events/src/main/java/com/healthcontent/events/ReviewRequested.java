package com.healthcontent.events;

import java.time.Instant;
import java.util.List;

/**
 * Content was sent to medical reviewers for their decision: a submission, or an editor assigning other reviewers
 * ({@code reviewers} then names only those newly asked). Feedback-service alerts each of them.
 *
 * @param contentType ARTICLE, EXERCISE or ROUTINE
 */
public record ReviewRequested(
        String contentType,
        String contentId,
        String slug,
        String title,
        String author,
        List<String> reviewers,
        String requestedBy,
        Instant requestedAt) {

    public ReviewRequested {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }
}
