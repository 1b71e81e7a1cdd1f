package com.healthcontent.feedback.alerts;

import com.healthcontent.events.ArticleReviewDue;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ReviewDecided;
import com.healthcontent.events.ReviewDue;
import com.healthcontent.events.ReviewRequested;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.messaging.consumer.EventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The medical-review loop's alerts, from article.events and exercise.events: reviewers when content is sent to them
 * or falls due for its periodic review, authors when the review of their content is decided. A consumer group of
 * its own ({@value #PIPELINE}) reads only those topics, so a burst of reader votes never delays them. One alert
 * per event and recipient, whatever the redelivery.
 */
@Component
class ReviewAlerts {

    static final String PIPELINE = "review-alerts";

    private final Alerts alerts;
    private final PublishedContents contents;

    ReviewAlerts(Alerts alerts, PublishedContents contents) {
        this.alerts = alerts;
        this.contents = contents;
    }

    @EventHandler(
            value = {
                EventType.ARTICLE_REVIEW_REQUESTED,
                EventType.EXERCISE_REVIEW_REQUESTED,
                EventType.ROUTINE_REVIEW_REQUESTED
            },
            pipeline = PIPELINE)
    void requested(ReviewRequested request, EventEnvelope envelope) {
        Alerts.Target target = new Alerts.Target(
                ContentType.valueOf(request.contentType()), request.contentId(), request.slug(), request.title());
        for (String reviewer : request.reviewers()) {
            alerts.raise(
                    "review-requested:" + envelope.id(),
                    reviewer,
                    AlertKind.REVIEW_REQUESTED,
                    null,
                    target,
                    null,
                    request.requestedBy() + " sent it to you for medical review.");
        }
    }

    @EventHandler(
            value = {
                EventType.ARTICLE_REVIEW_DECIDED,
                EventType.EXERCISE_REVIEW_DECIDED,
                EventType.ROUTINE_REVIEW_DECIDED
            },
            pipeline = PIPELINE)
    void decided(ReviewDecided decision, EventEnvelope envelope) {
        Alerts.Target target = new Alerts.Target(
                ContentType.valueOf(decision.contentType()), decision.contentId(), decision.slug(), decision.title());
        String detail = "APPROVED".equals(decision.outcome())
                ? "The medical review approved it (last approval by " + decision.reviewer()
                        + "); an editor can publish it."
                : decision.reviewer() + " requested changes"
                        + (decision.notes() == null ? "." : ": " + decision.notes());
        alerts.raise(
                "review-decided:" + envelope.id(),
                decision.author(),
                AlertKind.REVIEW_DECIDED,
                null,
                target,
                null,
                detail);
    }

    @EventHandler(value = EventType.ARTICLE_REVIEW_DUE, pipeline = PIPELINE)
    void articleDue(ArticleReviewDue due, EventEnvelope envelope) {
        String title =
                contents.find(due.articleId()).map(PublishedContent::title).orElse(due.slug());
        dueFor(
                new Alerts.Target(ContentType.ARTICLE, due.articleId(), due.slug(), title),
                due.medicalReviewers(),
                envelope);
    }

    @EventHandler(
            value = {EventType.EXERCISE_REVIEW_DUE, EventType.ROUTINE_REVIEW_DUE},
            pipeline = PIPELINE)
    void due(ReviewDue due, EventEnvelope envelope) {
        Alerts.Target target =
                new Alerts.Target(ContentType.valueOf(due.contentType()), due.contentId(), due.slug(), due.title());
        dueFor(target, due.medicalReviewers(), envelope);
    }

    private void dueFor(Alerts.Target target, List<String> reviewers, EventEnvelope envelope) {
        for (String reviewer : reviewers) {
            alerts.raise(
                    "review-due:" + envelope.id(),
                    reviewer,
                    AlertKind.REVIEW_DUE,
                    null,
                    target,
                    null,
                    "Its medical review is due: it stays live while you review it again.");
        }
    }
}
