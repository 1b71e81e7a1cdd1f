package com.healthcontent.feedback.content;

/** What feedback and alerts are about. Readers vote on articles and exercises; routines only reach staff, in alerts. */
public enum ContentType {
    ARTICLE,
    EXERCISE,
    ROUTINE
}
