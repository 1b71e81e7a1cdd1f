package com.healthcontent.editorial.review;

import com.healthcontent.events.EventType;

/**
 * A type of reviewed content as the workflow speaks of it: its name in events and queues ({@code ARTICLE}), the
 * word used in messages to staff, and the events a review of it raises.
 */
public record ContentKind(String type, String noun, EventType reviewRequested, EventType reviewDecided) {

    public static final ContentKind ARTICLE =
            new ContentKind("ARTICLE", "article", EventType.ARTICLE_REVIEW_REQUESTED, EventType.ARTICLE_REVIEW_DECIDED);
    public static final ContentKind EXERCISE = new ContentKind(
            "EXERCISE", "exercise", EventType.EXERCISE_REVIEW_REQUESTED, EventType.EXERCISE_REVIEW_DECIDED);
    public static final ContentKind ROUTINE =
            new ContentKind("ROUTINE", "routine", EventType.ROUTINE_REVIEW_REQUESTED, EventType.ROUTINE_REVIEW_DECIDED);
}
