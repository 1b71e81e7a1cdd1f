package com.healthcontent.events;

import java.time.Instant;
import java.util.List;

/** A published article whose periodic medical review has fallen due, or that a reviewer flagged. */
public record ArticleReviewDue(String articleId, String slug, List<String> medicalReviewers, Instant dueAt) {

    public ArticleReviewDue {
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
    }
}
