package com.healthcontent.events;

import java.time.Instant;

/** A problem report moved through triage (NEW, ACKNOWLEDGED, RESOLVED, DISMISSED). */
public record ReportStatusChanged(
        String reportId,
        String targetType,
        String targetId,
        String from,
        String to,
        String changedBy,
        Instant changedAt) {}
