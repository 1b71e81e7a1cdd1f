package com.healthcontent.events;

import java.time.Instant;

/**
 * The medical review of a version ended: approved by every reviewer asked, or sent back with requested changes.
 * Feedback-service alerts the author. The notes are staff text and stay on the staff side.
 *
 * @param contentType ARTICLE, EXERCISE or ROUTINE
 * @param outcome     APPROVED or CHANGES_REQUESTED
 */
public record ReviewDecided(
        String contentType,
        String contentId,
        String slug,
        String title,
        String author,
        String reviewer,
        String outcome,
        String notes,
        Instant decidedAt) {}
