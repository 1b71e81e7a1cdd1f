package com.healthcontent.events;

import java.time.Instant;

/**
 * A reader changed a vote or added what was wrong to it, within the window in which a vote can be amended: the
 * vote now counts as {@code helpful}/{@code reason} instead of {@code previousHelpful}/{@code previousReason}, on
 * the day it was first given ({@code submittedAt}) and in the revision it was given on ({@code targetRevision}, null
 * in events published before it was added). A reason where there was none makes it a problem report.
 */
public record FeedbackChanged(
        String feedbackId,
        String targetType,
        String targetId,
        String targetSlug,
        boolean helpful,
        String reason,
        boolean hasComment,
        Instant submittedAt,
        boolean previousHelpful,
        String previousReason,
        Instant changedAt,
        Long targetRevision) {}
