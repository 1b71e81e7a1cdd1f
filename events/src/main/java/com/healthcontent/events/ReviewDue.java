package com.healthcontent.events;

import java.time.Instant;
import java.util.List;

/**
 * Live content whose periodic medical review has fallen due, or that a reviewer or an editor flagged: it stays live
 * and goes back to its reviewers, whom feedback-service alerts. Articles say the same with {@link ArticleReviewDue},
 * their type since before this one.
 *
 * @param contentType EXERCISE or ROUTINE
 */
public record ReviewDue(
        String contentType, String contentId, String slug, String title, List<String> medicalReviewers, Instant dueAt) {

    public ReviewDue {
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
    }
}
