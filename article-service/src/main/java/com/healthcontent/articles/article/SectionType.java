package com.healthcontent.articles.article;

public enum SectionType {
    /** Prose in a safe Markdown subset, with citation markers such as {@code [1]}. */
    TEXT,
    /** A highlighted box, e.g. "when to see a specialist". */
    CALLOUT,
    /** An exercise from exercise-service, shown as a card with its steps and dose. */
    EXERCISE
}
