package com.healthcontent.articles.article;

import java.time.Instant;

/** One recorded step of the editorial workflow: who did what, when, with which notes. Shown to staff. */
public record WorkflowStep(Instant at, String actor, String action, ArticleStatus from, ArticleStatus to,
                           String notes) {
}
