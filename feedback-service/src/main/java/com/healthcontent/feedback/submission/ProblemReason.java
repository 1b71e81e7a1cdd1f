package com.healthcontent.feedback.submission;

/** Why a reader reports content; a vote with a reason is a problem report that reaches the content's reviewers. */
public enum ProblemReason {
    INACCURATE,
    OUTDATED,
    QUESTIONABLE,
    UNCLEAR,
    BROKEN_LINK,
    OTHER
}
