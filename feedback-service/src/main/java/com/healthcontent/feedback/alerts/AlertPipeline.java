package com.healthcontent.feedback.alerts;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.events.ReviewerAlerted;
import com.healthcontent.feedback.alerts.channel.Deliveries;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.feedback.submission.Feedback;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import com.healthcontent.servicedefaults.events.IntegrationEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The alert pipeline, a consumer group of its own on feedback.events so that slow alerting never holds up
 * submissions or summaries. Every problem report alerts the content's medical reviewers and author at once;
 * a run of not-helpful votes (the helpfulness-drop rule) alerts them once per window. Alerts have ids made of
 * their source and recipient: a redelivered event, or two instances handling it together, make one alert.
 */
@Component
class AlertPipeline implements IntegrationEventHandler<FeedbackSubmitted> {

    static final String PIPELINE = "alerts";

    private final MongoTemplate mongoTemplate;
    private final PublishedContents contents;
    private final IntegrationEvents events;
    private final Deliveries deliveries;
    private final HelpfulnessWindows windows;
    private final AlertProperties properties;
    private final Clock clock;

    AlertPipeline(MongoTemplate mongoTemplate, PublishedContents contents, IntegrationEvents events,
            Deliveries deliveries, HelpfulnessWindows windows, AlertProperties properties, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.contents = contents;
        this.events = events;
        this.deliveries = deliveries;
        this.windows = windows;
        this.properties = properties;
        this.clock = clock;
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
    public void handle(FeedbackSubmitted feedback, EventEnvelope envelope) {
        PublishedContent content = contents.find(feedback.targetId()).orElse(null);
        if (content == null) {
            return; // feedback is only accepted on known content; nothing to alert about otherwise
        }
        Set<String> recipients = new LinkedHashSet<>(content.medicalReviewers());
        if (content.author() != null) {
            recipients.add(content.author());
        }
        if (feedback.reason() != null) {
            Feedback report = mongoTemplate.findById(feedback.feedbackId(), Feedback.class);
            String detail = "A reader reported it as " + feedback.reason()
                    + (report != null && report.comment() != null ? ": \"" + report.comment() + "\"" : ".");
            for (String recipient : recipients) {
                alert("report:" + feedback.feedbackId(), recipient, AlertKind.PROBLEM_REPORT, feedback.feedbackId(),
                        content, feedback.reason(), detail);
            }
        } else {
            helpfulnessDrop(feedback, content, recipients);
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
        Instant now = clock.instant();
        String id = source + ":" + recipient;
        Alert alert = new Alert(id, recipient, kind, reportId, content.type(), content.id(), content.slug(),
                content.title(), reason, detail, now, null, List.of(events.create(EventType.REVIEWER_ALERTED,
                        content.id(), content.slug(), new ReviewerAlerted(id, recipient, kind.name(), reportId,
                                content.type().name(), content.id(), content.slug(), content.title(), reason, now))));
        try {
            mongoTemplate.insert(alert);
        } catch (DuplicateKeyException alreadyAlerted) {
            alert = mongoTemplate.findById(id, Alert.class); // redelivery: make sure its deliveries are planned
        }
        AlertPreferences preferences = mongoTemplate.findById(recipient, AlertPreferences.class);
        deliveries.plan(alert, preferences != null ? preferences : AlertPreferences.defaults(recipient));
    }

}
