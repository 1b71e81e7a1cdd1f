package com.healthcontent.feedback.alerts;

public enum AlertKind {
    /** A reader reported a problem with content the recipient answers for. */
    PROBLEM_REPORT,
    /** Many readers found the content unhelpful within a short time. */
    HELPFULNESS_DROP,
    /** Content was sent to the recipient for their medical review. */
    REVIEW_REQUESTED,
    /** Live content the recipient reviewed is due for its periodic review (or was flagged). */
    REVIEW_DUE,
    /** The medical review of the recipient's content was decided: approved, or changes requested. */
    REVIEW_DECIDED
}
