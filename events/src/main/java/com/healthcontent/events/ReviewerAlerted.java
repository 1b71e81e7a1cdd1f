package com.healthcontent.events;

import java.time.Instant;

/**
 * A reviewer was alerted about a piece of content: a problem report, or a drop in helpfulness. Every instance
 * of feedback-service pushes it to that reviewer's live streams connected to it.
 *
 * @param kind PROBLEM_REPORT or HELPFULNESS_DROP
 */
public record ReviewerAlerted(
        String alertId,
        String recipient,
        String kind,
        String reportId,
        String targetType,
        String targetId,
        String targetSlug,
        String targetTitle,
        String reason,
        Instant createdAt) {}
