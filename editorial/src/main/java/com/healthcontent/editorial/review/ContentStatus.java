package com.healthcontent.editorial.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a piece of content's working copy (an article, an exercise, a routine). Readers see the live version
 * whenever there is one, whatever the working copy is doing: a revision in review never takes the published page
 * down. A retired exercise stays readable by its address (old links keep working) but leaves every list.
 */
public enum ContentStatus {
    DRAFT,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    SCHEDULED,
    PUBLISHED,
    NEEDS_REVIEW,
    UNPUBLISHED,
    RETIRED;

    /**
     * The workflow's transition table: the states a step may move content to from this one. Editing is allowed from
     * every state but review and goes back to DRAFT; unpublishing and retiring whenever a version is live.
     * {@link Workflow} refuses to build any other move, so a step that broke the table fails loudly.
     */
    public Set<ContentStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(DRAFT, IN_REVIEW, UNPUBLISHED, RETIRED);
            case IN_REVIEW -> EnumSet.of(IN_REVIEW, APPROVED, CHANGES_REQUESTED, DRAFT, UNPUBLISHED, RETIRED);
            case CHANGES_REQUESTED -> EnumSet.of(DRAFT, IN_REVIEW, UNPUBLISHED, RETIRED);
            case APPROVED -> EnumSet.of(DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED, RETIRED);
            case SCHEDULED -> EnumSet.of(DRAFT, APPROVED, PUBLISHED, UNPUBLISHED, RETIRED);
            case PUBLISHED -> EnumSet.of(DRAFT, NEEDS_REVIEW, UNPUBLISHED, RETIRED);
            case NEEDS_REVIEW -> EnumSet.of(DRAFT, IN_REVIEW, UNPUBLISHED, RETIRED);
            case UNPUBLISHED -> EnumSet.of(DRAFT);
            case RETIRED -> EnumSet.of(DRAFT, UNPUBLISHED); // still readable where linked, until taken down
        };
    }
}
