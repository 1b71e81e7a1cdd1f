package com.healthcontent.events;

import java.util.List;

/** Kafka topic names. Each topic has a dead-letter twin named {@code <topic>.DLT}. */
public final class Topics {

    public static final String ARTICLE_EVENTS = "article.events";
    public static final String EXERCISE_EVENTS = "exercise.events";
    public static final String FEEDBACK_EVENTS = "feedback.events";
    public static final String STAFF_EVENTS = "staff.events";
    /** Readers' answers accepted and not yet stored (feedback-service's intake): votes, and answers with a reason. */
    public static final String FEEDBACK_VOTES = "feedback.votes";

    public static final String FEEDBACK_REPORTS = "feedback.reports";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** Every topic the platform uses, dead-letter topics included, for whoever provisions them. */
    public static final List<String> ALL = List.of(
            ARTICLE_EVENTS, ARTICLE_EVENTS + DEAD_LETTER_SUFFIX,
            EXERCISE_EVENTS, EXERCISE_EVENTS + DEAD_LETTER_SUFFIX,
            FEEDBACK_EVENTS, FEEDBACK_EVENTS + DEAD_LETTER_SUFFIX,
            STAFF_EVENTS, STAFF_EVENTS + DEAD_LETTER_SUFFIX,
            FEEDBACK_VOTES, FEEDBACK_VOTES + DEAD_LETTER_SUFFIX,
            FEEDBACK_REPORTS, FEEDBACK_REPORTS + DEAD_LETTER_SUFFIX);

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {}
}
