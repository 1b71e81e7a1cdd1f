package com.healthcontent.feedback.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.events.FeedbackReceived;
import com.healthcontent.feedback.submission.Feedback.Outcome;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a reader's answers do to their vote, in the order they arrive: votes and reports travel in lanes of their own,
 * so an earlier answer can arrive after a later one, and every answer can arrive twice.
 */
class FeedbackAnswersTest {

    static final Duration AMEND_WINDOW = Duration.ofMinutes(30);
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    static FeedbackReceived answer(boolean helpful, String reason, String comment, Instant at) {
        return new FeedbackReceived(
                "f1",
                "ARTICLE",
                "a1",
                "crack-your-back",
                "Is it good or bad to crack your back?",
                3,
                List.of("dr.rao"),
                "ana.author",
                helpful,
                reason,
                comment,
                null,
                List.of(),
                at,
                "reader",
                "vote-key",
                "dedupe-" + helpful + reason + comment + at);
    }

    static Feedback inOrder(FeedbackReceived... answers) {
        Feedback state = Feedback.first(answers[0]);
        for (int i = 1; i < answers.length; i++) {
            state = state.answer(answers[i], AMEND_WINDOW).feedback();
        }
        return state;
    }

    @Test
    void noThenWhatWasWrongMakesOneReportInEitherOrderOfArrival() {
        FeedbackReceived no = answer(false, null, null, T0);
        FeedbackReceived details = answer(false, "OUTDATED", "Superseded in 2023", T0.plusSeconds(20));
        for (Feedback feedback : List.of(inOrder(no, details), inOrder(details, no))) {
            assertThat(feedback.helpful()).isFalse();
            assertThat(feedback.reason()).isEqualTo(ProblemReason.OUTDATED);
            assertThat(feedback.comment()).isEqualTo("Superseded in 2023");
            assertThat(feedback.status()).isEqualTo(ReportStatus.NEW);
        }
    }

    @Test
    void aChangedMindWinsWhicheverAnswerArrivesFirst() {
        FeedbackReceived report = answer(false, "UNCLEAR", "Which side?", T0);
        FeedbackReceived yes = answer(true, null, null, T0.plusSeconds(60));
        for (Feedback feedback : List.of(inOrder(report, yes), inOrder(yes, report))) {
            assertThat(feedback.helpful()).isTrue();
            assertThat(feedback.reason()).isNull();
            assertThat(feedback.status()).isNull();
        }
        FeedbackReceived yesFirst = answer(true, null, null, T0);
        FeedbackReceived thenReport = answer(false, "UNCLEAR", "Which side?", T0.plusSeconds(60));
        for (Feedback feedback : List.of(inOrder(yesFirst, thenReport), inOrder(thenReport, yesFirst))) {
            assertThat(feedback.helpful()).isFalse();
            assertThat(feedback.reason()).isEqualTo(ProblemReason.UNCLEAR);
        }
    }

    @Test
    void aBareNoAfterTheDetailsKeepsThemWhicheverArrivesFirst() {
        FeedbackReceived details = answer(false, "INACCURATE", "The hold time is wrong", T0);
        FeedbackReceived bareNo = answer(false, null, null, T0.plusSeconds(30));
        for (Feedback feedback : List.of(inOrder(details, bareNo), inOrder(bareNo, details))) {
            assertThat(feedback.reason()).isEqualTo(ProblemReason.INACCURATE);
            assertThat(feedback.comment()).isEqualTo("The hold time is wrong");
        }
    }

    @Test
    void everyAnswerDeliveredAgainChangesNothing() {
        FeedbackReceived no = answer(false, null, null, T0);
        FeedbackReceived details = answer(false, "OUTDATED", "Old", T0.plusSeconds(20));
        Feedback stored = inOrder(no, details);
        for (FeedbackReceived again : List.of(no, details)) {
            Feedback.Answered answered = stored.answer(again, AMEND_WINDOW);
            assertThat(answered.feedback()).isSameAs(stored);
            assertThat(answered.outcome()).isIn(Outcome.DUPLICATE, Outcome.UNCHANGED);
        }
    }

    @Test
    void afterTheAmendmentWindowTheSameDayAnAnswerIsDropped() {
        Feedback vote = Feedback.first(answer(true, null, null, T0));
        Feedback.Answered late =
                vote.answer(answer(false, null, null, T0.plus(AMEND_WINDOW).plusSeconds(1)), AMEND_WINDOW);
        assertThat(late.outcome()).isEqualTo(Outcome.SECOND_VOTE);
        assertThat(late.feedback()).isSameAs(vote);
    }

    @Test
    void aReportStaffAreTriagingIsNotChangedUnderThem() {
        Feedback report = Feedback.first(answer(false, "OUTDATED", "Old", T0))
                .changeStatus(
                        ReportStatus.ACKNOWLEDGED,
                        null,
                        new Actor("dr.rao", Set.of(Role.MEDICAL_REVIEWER)),
                        T0.plusSeconds(5))
                .aggregate();
        Feedback.Answered changed = report.answer(answer(true, null, null, T0.plusSeconds(60)), AMEND_WINDOW);
        assertThat(changed.outcome()).isEqualTo(Outcome.IN_TRIAGE);
        assertThat(changed.feedback()).isSameAs(report);
    }
}
