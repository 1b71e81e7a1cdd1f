package com.healthcontent.articles.article;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of an article's working copy. Readers see the live version whenever there is one, whatever the
 * working copy is doing: a revision in review never takes the published page down.
 */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    SCHEDULED,
    PUBLISHED,
    NEEDS_REVIEW,
    UNPUBLISHED;

    /**
     * The workflow's transition table: the states a step may move an article to from this one. Editing is allowed
     * from every state but review and goes back to DRAFT; unpublishing is allowed whenever a version is live.
     * {@link Article} refuses to build any other move, so a step that broke the table fails loudly.
     */
    public Set<ArticleStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(DRAFT, IN_REVIEW, UNPUBLISHED);
            case IN_REVIEW -> EnumSet.of(IN_REVIEW, APPROVED, CHANGES_REQUESTED, DRAFT, UNPUBLISHED);
            case CHANGES_REQUESTED -> EnumSet.of(DRAFT, IN_REVIEW, UNPUBLISHED);
            case APPROVED -> EnumSet.of(DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED);
            case SCHEDULED -> EnumSet.of(DRAFT, APPROVED, PUBLISHED, UNPUBLISHED);
            case PUBLISHED -> EnumSet.of(DRAFT, NEEDS_REVIEW, UNPUBLISHED);
            case NEEDS_REVIEW -> EnumSet.of(DRAFT, IN_REVIEW, UNPUBLISHED);
            case UNPUBLISHED -> EnumSet.of(DRAFT);
        };
    }
}
