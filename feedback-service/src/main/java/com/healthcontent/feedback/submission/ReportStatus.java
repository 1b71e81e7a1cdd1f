package com.healthcontent.feedback.submission;

import java.util.EnumSet;
import java.util.Set;

/**
 * Triage of a problem report: NEW, then ACKNOWLEDGED, then RESOLVED or DISMISSED (spam, not actionable). It is part
 * of the stored {@link Feedback} (which starts a report as NEW and refuses to amend one past it), so it lives here and
 * triage depends on submission, never the reverse.
 */
public enum ReportStatus {
    NEW,
    ACKNOWLEDGED,
    RESOLVED,
    DISMISSED;

    public Set<ReportStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACKNOWLEDGED, RESOLVED, DISMISSED);
            case ACKNOWLEDGED -> EnumSet.of(RESOLVED, DISMISSED);
            case RESOLVED, DISMISSED -> EnumSet.noneOf(ReportStatus.class);
        };
    }
}
