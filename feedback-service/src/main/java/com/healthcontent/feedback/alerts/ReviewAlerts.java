package com.healthcontent.feedback.alerts;

import com.healthcontent.events.ArticleReviewDue;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ReviewDecided;
import com.healthcontent.events.ReviewRequested;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The medical-review loop's alerts, from article.events and exercise.events: reviewers when content is sent to them
 * or falls due for its periodic review, authors when the review of their content is decided. A consumer group of
 * its own ({@value #PIPELINE}) reads only those topics, so a burst of reader votes never delays them. One alert
 * per event and recipient, whatever the redelivery.
 */
@Configuration(proxyBeanMethods = false)
class ReviewAlerts {

    static final String PIPELINE = "review-alerts";

    private final Alerts alerts;
    private final PublishedContents contents;

    ReviewAlerts(Alerts alerts, PublishedContents contents) {
        this.alerts = alerts;
        this.contents = contents;
    }

    @Bean
    IntegrationEventHandler<ReviewRequested> articleReviewRequestedAlert() {
        return IntegrationEventHandler.of(EventType.ARTICLE_REVIEW_REQUESTED, ReviewRequested.class, PIPELINE,
                this::requested);
    }

    @Bean
    IntegrationEventHandler<ReviewRequested> exerciseReviewRequestedAlert() {
        return IntegrationEventHandler.of(EventType.EXERCISE_REVIEW_REQUESTED, ReviewRequested.class, PIPELINE,
                this::requested);
    }

    @Bean
    IntegrationEventHandler<ReviewDecided> articleReviewDecidedAlert() {
        return IntegrationEventHandler.of(EventType.ARTICLE_REVIEW_DECIDED, ReviewDecided.class, PIPELINE,
                this::decided);
    }

    @Bean
    IntegrationEventHandler<ReviewDecided> exerciseReviewDecidedAlert() {
        return IntegrationEventHandler.of(EventType.EXERCISE_REVIEW_DECIDED, ReviewDecided.class, PIPELINE,
                this::decided);
    }

    @Bean
    IntegrationEventHandler<ArticleReviewDue> articleReviewDueAlert() {
        return IntegrationEventHandler.of(EventType.ARTICLE_REVIEW_DUE, ArticleReviewDue.class, PIPELINE,
                this::due);
    }

    private void requested(ReviewRequested request, EventEnvelope envelope) {
        Alerts.Target target = new Alerts.Target(ContentType.valueOf(request.contentType()), request.contentId(),
                request.slug(), request.title());
        for (String reviewer : request.reviewers()) {
            alerts.raise("review-requested:" + envelope.id(), reviewer, AlertKind.REVIEW_REQUESTED, null, target, null,
                    request.requestedBy() + " sent it to you for medical review.");
        }
    }

    private void decided(ReviewDecided decision, EventEnvelope envelope) {
        Alerts.Target target = new Alerts.Target(ContentType.valueOf(decision.contentType()), decision.contentId(),
                decision.slug(), decision.title());
        String detail = "APPROVED".equals(decision.outcome())
                ? "The medical review approved it (last approval by " + decision.reviewer() + "); an editor can publish it."
                : decision.reviewer() + " requested changes" + (decision.notes() == null ? "." : ": " + decision.notes());
        alerts.raise("review-decided:" + envelope.id(), decision.author(), AlertKind.REVIEW_DECIDED, null, target, null,
                detail);
    }

    private void due(ArticleReviewDue due, EventEnvelope envelope) {
        String title = contents.find(due.articleId()).map(PublishedContent::title).orElse(due.slug());
        Alerts.Target target = new Alerts.Target(ContentType.ARTICLE, due.articleId(), due.slug(), title);
        for (String reviewer : due.medicalReviewers()) {
            alerts.raise("review-due:" + envelope.id(), reviewer, AlertKind.REVIEW_DUE, null, target, null,
                    "Its medical review is due: it stays live while you review it again.");
        }
    }
}
