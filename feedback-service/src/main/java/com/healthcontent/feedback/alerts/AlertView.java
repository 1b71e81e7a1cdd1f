package com.healthcontent.feedback.alerts;

import java.time.Instant;

/** An alert as its recipient sees it: one shape in the inbox and on the live stream, so one component renders both. */
record AlertView(
        String id,
        AlertKind kind,
        String reportId,
        AlertTarget target,
        String reason,
        String detail,
        Instant createdAt,
        Instant readAt) {

    record AlertTarget(String type, String id, String slug, String title) {}

    static AlertView of(Alert alert) {
        return new AlertView(
                alert.id(),
                alert.kind(),
                alert.reportId(),
                new AlertTarget(alert.targetType().name(), alert.targetId(), alert.targetSlug(), alert.targetTitle()),
                alert.reason(),
                alert.detail(),
                alert.createdAt(),
                alert.readAt());
    }
}
