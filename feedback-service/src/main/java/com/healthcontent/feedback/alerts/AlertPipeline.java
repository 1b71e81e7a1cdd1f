package com.healthcontent.feedback.alerts;

import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.feedback.submission.Feedback;
import com.healthcontent.messaging.consumer.EndOfPoll;
import com.healthcontent.messaging.consumer.EventHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The alert pipelines on feedback.events, consumer groups of their own so that alerting never holds up submissions
 * or summaries, and so that a problem report never waits behind reader votes: the {@value #REPORTS} group acts only
 * on reports (and votes that became one), passing over votes without a database round trip, so it stays at the head
 * of the topic however many votes arrive; the {@value #VOTES} group applies the helpfulness-drop rule to every vote.
 * Every problem report alerts the content's medical reviewers and author at once; a run of not-helpful votes alerts
 * them once per window ({@link Alerts} makes each alert once, however often its event comes).
 */
@Component
class AlertPipeline {

    /** Under a vote burst the votes' group was tens of seconds behind, and reports waited in it (load-tests). */
    static final String REPORTS = "reports";

    static final String VOTES = "alerts";

    private final MongoTemplate mongoTemplate;
    private final PublishedContents contents;
    private final Alerts alerts;
    private final HelpfulnessWindows windows;
    private final AlertProperties properties;

    AlertPipeline(
            MongoTemplate mongoTemplate,
            PublishedContents contents,
            Alerts alerts,
            HelpfulnessWindows windows,
            AlertProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.contents = contents;
        this.alerts = alerts;
        this.windows = windows;
        this.properties = properties;
    }

    /** A reader's problem report: the reviewers and the author are alerted at once. */
    @EventHandler(value = EventType.FEEDBACK_SUBMITTED, pipeline = REPORTS, condition = "reason() != null")
    void reported(FeedbackSubmitted feedback) {
        contents.find(feedback.targetId())
                .ifPresent(content -> report(feedback.feedbackId(), feedback.reason(), content, recipients(content)));
    }

    /**
     * Every vote without a reason, for the helpfulness-drop rule: a poll's votes are counted per item and window
     * slice in one write, and the rule is applied once per item to the window after them. The window counts are a
     * signal, not a record: a poll delivered again after a failed write may count some of its votes twice, and the
     * alert they raise is still made once per window.
     */
    @Component
    static class Votes {

        private final AlertPipeline pipeline;
        /** The poll's votes per item, on each consumer thread. */
        private final ThreadLocal<Map<String, List<FeedbackSubmitted>>> gathered =
                ThreadLocal.withInitial(LinkedHashMap::new);

        Votes(AlertPipeline pipeline) {
            this.pipeline = pipeline;
        }

        /** Not deduplicated: a signal, not a record (above); a record per vote would cost more than the repeats. */
        @EventHandler(
                value = EventType.FEEDBACK_SUBMITTED,
                pipeline = VOTES,
                condition = "reason() == null",
                deduplicated = false)
        void vote(FeedbackSubmitted vote) {
            gathered.get()
                    .computeIfAbsent(vote.targetId(), item -> new ArrayList<>())
                    .add(vote);
        }

        @EndOfPoll
        void alertDrops() {
            try {
                // feedback is only accepted on known content; nothing to alert about otherwise
                gathered.get()
                        .forEach((item, votes) -> pipeline.contents
                                .find(item)
                                .ifPresent(content -> pipeline.helpfulnessDrop(votes, content, recipients(content))));
            } finally {
                gathered.get().clear();
            }
        }
    }

    private static Set<String> recipients(PublishedContent content) {
        Set<String> recipients = new LinkedHashSet<>(content.medicalReviewers());
        if (content.author() != null) {
            recipients.add(content.author());
        }
        return recipients;
    }

    /**
     * A vote that became a report (a reader's "No", then what was wrong) alerts as a report does, once: the alert's
     * source is the feedback, so a reason changed again alerts nobody twice.
     */
    @EventHandler(value = EventType.FEEDBACK_CHANGED, pipeline = REPORTS, condition = "reason() != null")
    void changed(FeedbackChanged change) {
        contents.find(change.targetId())
                .ifPresent(content -> report(change.feedbackId(), change.reason(), content, recipients(content)));
    }

    private void report(String feedbackId, String reason, PublishedContent content, Set<String> recipients) {
        Feedback report = mongoTemplate.findById(feedbackId, Feedback.class);
        String detail = "A reader reported it as " + reason
                + (report != null && report.comment() != null ? ": \"" + report.comment() + "\"" : ".");
        for (String recipient : recipients) {
            alert("report:" + feedbackId, recipient, AlertKind.PROBLEM_REPORT, feedbackId, content, reason, detail);
        }
    }

    /**
     * At least N not-helpful votes in the window and a helpful share below the threshold after these votes (of one
     * item, in the order cast): alert once per window.
     */
    void helpfulnessDrop(List<FeedbackSubmitted> votes, PublishedContent content, Set<String> recipients) {
        Map<Long, long[]> bySlice = new TreeMap<>();
        for (FeedbackSubmitted vote : votes) {
            long[] counts = bySlice.computeIfAbsent(windows.bucketOf(vote.submittedAt()), slice -> new long[2]);
            counts[0]++;
            counts[1] += vote.helpful() ? 0 : 1;
        }
        HelpfulnessWindows.Votes window = null; // the window after the latest slice: votes is never empty
        for (Map.Entry<Long, long[]> slice : bySlice.entrySet()) {
            window = windows.add(content.id(), slice.getKey(), slice.getValue()[0], slice.getValue()[1]);
        }
        if (votes.stream().allMatch(FeedbackSubmitted::helpful)
                || window.notHelpful() < properties.dropMinimum()
                || window.helpfulShare() >= properties.dropMaxHelpful()) {
            return;
        }
        Instant lastCast = votes.get(votes.size() - 1).submittedAt();
        long windowNumber = lastCast.toEpochMilli() / properties.dropWindow().toMillis();
        String detail = window.notHelpful() + " of the last " + window.total() + " readers found it unhelpful within "
                + properties.dropWindow().toMinutes() + " minutes.";
        for (String recipient : recipients) {
            alert(
                    "drop:" + content.id() + ":" + windowNumber,
                    recipient,
                    AlertKind.HELPFULNESS_DROP,
                    null,
                    content,
                    null,
                    detail);
        }
    }

    private void alert(
            String source,
            String recipient,
            AlertKind kind,
            String reportId,
            PublishedContent content,
            String reason,
            String detail) {
        alerts.raise(
                source,
                recipient,
                kind,
                reportId,
                new Alerts.Target(content.type(), content.id(), content.slug(), content.title()),
                reason,
                detail);
    }
}
