package com.healthcontent.feedback.triage;

import java.util.EnumSet;
import java.util.Set;

/** Triage of a problem report: NEW, then ACKNOWLEDGED, then RESOLVED or DISMISSED (spam, not actionable). */
public enum ReportStatus {
    NEW, ACKNOWLEDGED, RESOLVED, DISMISSED;

    public Set<ReportStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACKNOWLEDGED, RESOLVED, DISMISSED);
            case ACKNOWLEDGED -> EnumSet.of(RESOLVED, DISMISSED);
            case RESOLVED, DISMISSED -> EnumSet.noneOf(ReportStatus.class);
        };
    }
}
