package com.healthcontent.feedback.submission;

import java.time.Instant;

public record StatusChange(ReportStatus from, ReportStatus to, String by, String note, Instant at) {}
