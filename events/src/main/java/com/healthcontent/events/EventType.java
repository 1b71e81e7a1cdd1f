package com.healthcontent.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the platform: the CloudEvents {@code type} (its version is part of the name, so a
 * breaking change is a new type consumers opt into), the topic it travels on and the record its data
 * binds to.
 */
public enum EventType {
    ARTICLE_PUBLISHED("com.healthcontent.article.published.v1", Topics.ARTICLE_EVENTS, ArticlePublished.class),
    ARTICLE_REVISED("com.healthcontent.article.revised.v1", Topics.ARTICLE_EVENTS, ArticlePublished.class),
    ARTICLE_UNPUBLISHED("com.healthcontent.article.unpublished.v1", Topics.ARTICLE_EVENTS, ArticleUnpublished.class),
    ARTICLE_REVIEW_DUE("com.healthcontent.article.review-due.v1", Topics.ARTICLE_EVENTS, ArticleReviewDue.class),
    ARTICLE_REVIEW_REQUESTED(
            "com.healthcontent.article.review-requested.v1", Topics.ARTICLE_EVENTS, ReviewRequested.class),
    ARTICLE_REVIEW_DECIDED("com.healthcontent.article.review-decided.v1", Topics.ARTICLE_EVENTS, ReviewDecided.class),

    EXERCISE_PUBLISHED("com.healthcontent.exercise.published.v1", Topics.EXERCISE_EVENTS, ExercisePublished.class),
    EXERCISE_UPDATED("com.healthcontent.exercise.updated.v1", Topics.EXERCISE_EVENTS, ExercisePublished.class),
    EXERCISE_RETIRED("com.healthcontent.exercise.retired.v1", Topics.EXERCISE_EVENTS, ExerciseRetired.class),
    EXERCISE_REVIEW_REQUESTED(
            "com.healthcontent.exercise.review-requested.v1", Topics.EXERCISE_EVENTS, ReviewRequested.class),
    EXERCISE_REVIEW_DECIDED(
            "com.healthcontent.exercise.review-decided.v1", Topics.EXERCISE_EVENTS, ReviewDecided.class),
    EXERCISE_REVIEW_DUE("com.healthcontent.exercise.review-due.v1", Topics.EXERCISE_EVENTS, ReviewDue.class),

    // Routines are exercise-service's too, and travel with the exercises they are made of.
    ROUTINE_PUBLISHED("com.healthcontent.routine.published.v1", Topics.EXERCISE_EVENTS, RoutinePublished.class),
    ROUTINE_REVISED("com.healthcontent.routine.revised.v1", Topics.EXERCISE_EVENTS, RoutinePublished.class),
    ROUTINE_UNPUBLISHED("com.healthcontent.routine.unpublished.v1", Topics.EXERCISE_EVENTS, RoutineUnpublished.class),
    ROUTINE_REVIEW_REQUESTED(
            "com.healthcontent.routine.review-requested.v1", Topics.EXERCISE_EVENTS, ReviewRequested.class),
    ROUTINE_REVIEW_DECIDED("com.healthcontent.routine.review-decided.v1", Topics.EXERCISE_EVENTS, ReviewDecided.class),
    ROUTINE_REVIEW_DUE("com.healthcontent.routine.review-due.v1", Topics.EXERCISE_EVENTS, ReviewDue.class),

    // Accepted answers on their way to being stored: feedback-service's own, reports in a lane of their own.
    FEEDBACK_VOTE_RECEIVED(
            "com.healthcontent.feedback.vote-received.v1", Topics.FEEDBACK_VOTES, FeedbackReceived.class),
    FEEDBACK_REPORT_RECEIVED(
            "com.healthcontent.feedback.report-received.v1", Topics.FEEDBACK_REPORTS, FeedbackReceived.class),

    FEEDBACK_SUBMITTED("com.healthcontent.feedback.submitted.v1", Topics.FEEDBACK_EVENTS, FeedbackSubmitted.class),
    FEEDBACK_CHANGED("com.healthcontent.feedback.changed.v1", Topics.FEEDBACK_EVENTS, FeedbackChanged.class),
    REPORT_STATUS_CHANGED(
            "com.healthcontent.feedback.report-status-changed.v1", Topics.FEEDBACK_EVENTS, ReportStatusChanged.class),
    REVIEWER_ALERTED("com.healthcontent.feedback.reviewer-alerted.v1", Topics.FEEDBACK_EVENTS, ReviewerAlerted.class),

    STAFF_ACCOUNT_CHANGED("com.healthcontent.staff.account-changed.v1", Topics.STAFF_EVENTS, StaffAccountChanged.class);

    private final String ceType;
    private final String topic;
    private final Class<?> dataType;

    EventType(String ceType, String topic, Class<?> dataType) {
        this.ceType = ceType;
        this.topic = topic;
        this.dataType = dataType;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<?> dataType() {
        return dataType;
    }

    /** Unknown types are not an error: a newer producer may send types this consumer does not know yet. */
    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
