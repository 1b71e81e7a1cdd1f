package com.healthcontent.events;

import java.time.Instant;

/**
 * A reader's vote on a published article or exercise, with a problem reason when it is a report. The comment
 * itself stays in feedback-service: readers' words are not spread over the platform.
 *
 * @param targetType ARTICLE or EXERCISE
 * @param reason         null for a plain vote; INACCURATE, OUTDATED, QUESTIONABLE, UNCLEAR, BROKEN_LINK or OTHER
 * @param targetRevision the revision of the content the reader answered on (an article's revision, an exercise's
 *                       version); null in events published before it was added
 */
public record FeedbackSubmitted(
        String feedbackId,
        String targetType,
        String targetId,
        String targetSlug,
        boolean helpful,
        String reason,
        boolean hasComment,
        Instant submittedAt,
        Long targetRevision) {}
