package com.healthcontent.readersite.feedback;

import java.util.List;

/**
 * The "Was this helpful?" panel of a page, in one of its steps: the question, then (after a No) what was wrong, then
 * thanks. The step is in the page's address ({@code ?feedback=details}) so that it works with plain form posts.
 *
 * @param noun what the question asks about: "article", "exercise", "routine"
 */
public record FeedbackPanel(String targetType, String targetId, String page, Step step, String noun, String error) {

    public enum Step {
        VOTE,
        DETAILS,
        THANKS
    }

    /** The step named in the page's address, the question when it names none or something else. */
    public static FeedbackPanel of(String targetType, String targetId, String page, String step, String noun) {
        Step named = "details".equals(step) ? Step.DETAILS : "thanks".equals(step) ? Step.THANKS : Step.VOTE;
        return new FeedbackPanel(targetType, targetId, page, named, noun, null);
    }

    FeedbackPanel at(Step next) {
        return new FeedbackPanel(targetType, targetId, page, next, noun, null);
    }

    FeedbackPanel refused(String why) {
        return new FeedbackPanel(targetType, targetId, page, step, noun, why);
    }

    public List<ProblemReason> reasons() {
        return List.of(ProblemReason.values());
    }
}
