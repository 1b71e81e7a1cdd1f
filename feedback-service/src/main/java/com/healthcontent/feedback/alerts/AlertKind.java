package com.healthcontent.feedback.alerts;

public enum AlertKind {
    /** A reader reported a problem with content the recipient answers for. */
    PROBLEM_REPORT,
    /** Many readers found the content unhelpful within a short time. */
    HELPFULNESS_DROP
}
