package com.healthcontent.feedback.alerts;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.feedback.submission.Feedback;
import com.healthcontent.servicedefaults.events.EventPosition;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The alert pipeline, a consumer group of its own on feedback.events so that slow alerting never holds up
 * submissions or summaries. Every problem report alerts the content's medical reviewers and author at once;
 * a run of not-helpful votes (the helpfulness-drop rule) alerts them once per window ({@link Alerts} makes each
 * alert once, however often its event comes).
 */
@Component
class AlertPipeline implements IntegrationEventHandler<FeedbackSubmitted> {

    static final String PIPELINE = "alerts";

    private final MongoTemplate mongoTemplate;
    private final PublishedContents contents;
    private final Alerts alerts;
    private final HelpfulnessWindows windows;
    private final AlertProperties properties;

    AlertPipeline(MongoTemplate mongoTemplate, PublishedContents contents, Alerts alerts, HelpfulnessWindows windows,
            AlertProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.contents = contents;
        this.alerts = alerts;
        this.windows = windows;
        this.properties = properties;
    }

    @Override
    public EventType type() {
        return EventType.FEEDBACK_SUBMITTED;
    }

    @Override
    public String pipeline() {
        return PIPELINE;
    }

    @Override
    public void handle(FeedbackSubmitted feedback, EventEnvelope envelope, EventPosition position) {
        PublishedContent content = contents.find(feedback.targetId()).orElse(null);
        if (content == null) {
            return; // feedback is only accepted on known content; nothing to alert about otherwise
        }
        Set<String> recipients = recipients(content);
        if (feedback.reason() != null) {
            report(feedback.feedbackId(), feedback.reason(), content, recipients);
        } else {
            helpfulnessDrop(feedback, content, recipients);
        }
    }

    /**
     * A vote that became a report (a reader's "No", then what was wrong) alerts as a report does, once: the alert's
     * source is the feedback, so a reason changed again alerts nobody twice.
     */
    @Component
    static class ChangedFeedback implements IntegrationEventHandler<FeedbackChanged> {

        private final AlertPipeline pipeline;

        ChangedFeedback(AlertPipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public EventType type() {
            return EventType.FEEDBACK_CHANGED;
        }

        @Override
        public String pipeline() {
            return PIPELINE;
        }

        @Override
        public void handle(FeedbackChanged change, EventEnvelope envelope, EventPosition position) {
            pipeline.changed(change);
        }
    }

    private static Set<String> recipients(PublishedContent content) {
        Set<String> recipients = new LinkedHashSet<>(content.medicalReviewers());
        if (content.author() != null) {
            recipients.add(content.author());
        }
        return recipients;
    }

    void changed(FeedbackChanged change) {
        if (change.reason() == null) {
            return;
        }
        contents.find(change.targetId()).ifPresent(content -> report(change.feedbackId(), change.reason(), content,
                recipients(content)));
    }

    private void report(String feedbackId, String reason, PublishedContent content, Set<String> recipients) {
        Feedback report = mongoTemplate.findById(feedbackId, Feedback.class);
        String detail = "A reader reported it as " + reason
                + (report != null && report.comment() != null ? ": \"" + report.comment() + "\"" : ".");
        for (String recipient : recipients) {
            alert("report:" + feedbackId, recipient, AlertKind.PROBLEM_REPORT, feedbackId, content, reason, detail);
        }
    }

    /** At least N not-helpful votes in the window and a helpful share below the threshold: alert once per window. */
    private void helpfulnessDrop(FeedbackSubmitted vote, PublishedContent content, Set<String> recipients) {
        HelpfulnessWindows.Votes votes = windows.add(content.id(), vote.helpful(), vote.submittedAt());
        if (vote.helpful() || votes.notHelpful() < properties.dropMinimum()
                || votes.helpfulShare() >= properties.dropMaxHelpful()) {
            return;
        }
        long window = vote.submittedAt().toEpochMilli() / properties.dropWindow().toMillis();
        String detail = votes.notHelpful() + " of the last " + votes.total() + " readers found it unhelpful within "
                + properties.dropWindow().toMinutes() + " minutes.";
        for (String recipient : recipients) {
            alert("drop:" + content.id() + ":" + window, recipient, AlertKind.HELPFULNESS_DROP, null, content, null,
                    detail);
        }
    }

    private void alert(String source, String recipient, AlertKind kind, String reportId, PublishedContent content,
            String reason, String detail) {
        alerts.raise(source, recipient, kind, reportId, new Alerts.Target(content.type(), content.id(),
                content.slug(), content.title()), reason, detail);
    }
}
