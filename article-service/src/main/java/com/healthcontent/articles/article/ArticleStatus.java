package com.healthcontent.articles.article;

/**
 * The state of an article's working copy. Readers see the live version whenever there is one, whatever the
 * working copy is doing: a revision in review never takes the published page down.
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED, PUBLISHED, NEEDS_REVIEW, UNPUBLISHED
}
