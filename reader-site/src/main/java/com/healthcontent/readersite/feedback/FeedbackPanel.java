package com.healthcontent.readersite.feedback;

import java.util.List;
import java.util.Map;

/**
 * The "Was this helpful?" panel of a page, in one of its steps: the question, then (after a No) what was wrong, then
 * thanks. The step is in the page's address ({@code ?feedback=details}) so that it works with plain form posts.
 *
 * @param noun what the question asks about: "article", "exercise", "routine"
 * @param error why the last answer was not sent, if it was not
 * @param reason the reason the reader chose in an answer that was not sent, kept for them to correct
 * @param comment the comment the reader typed in an answer that was not sent, kept for them to correct
 */
public record FeedbackPanel(
        String targetType,
        String targetId,
        String page,
        Step step,
        String noun,
        String error,
        String reason,
        String comment) {

    public enum Step {
        VOTE,
        DETAILS,
        THANKS
    }

    /** The step named in the page's address, the question when it names none or something else. */
    public static FeedbackPanel of(String targetType, String targetId, String page, String step, String noun) {
        Step named = "details".equals(step) ? Step.DETAILS : "thanks".equals(step) ? Step.THANKS : Step.VOTE;
        return new FeedbackPanel(targetType, targetId, page, named, noun, null, null, null);
    }

    FeedbackPanel at(Step next) {
        return new FeedbackPanel(targetType, targetId, page, next, noun, null, null, null);
    }

    /** The same step again, saying why the answer was not sent, with what the reader had chosen and typed. */
    FeedbackPanel refused(String why, Map<String, String> fields) {
        return new FeedbackPanel(
                targetType, targetId, page, step, noun, why, fields.get("reason"), fields.get("comment"));
    }

    public List<ProblemReason> reasons() {
        return List.of(ProblemReason.values());
    }
}
