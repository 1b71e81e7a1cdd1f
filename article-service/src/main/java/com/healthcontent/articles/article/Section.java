package com.healthcontent.articles.article;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.healthcontent.servicedefaults.problem.Violations;
import com.healthcontent.servicedefaults.text.Markdown;
import com.healthcontent.servicedefaults.text.SafeText;

/**
 * One block of an article. Text and callouts carry a Markdown body, kept exactly as the author wrote it; an
 * exercise block carries only the id of an exercise, whose content stays owned by exercise-service.
 */
public record Section(
        SectionType type,
        @SafeText String heading,
        @SafeText String body,
        String exerciseId) {

    public static final int MAX_BODY = 20_000;

    public Section {
        boolean exercise = type == SectionType.EXERCISE;
        new Violations()
                .require(type != null, "type", "is required (TEXT, CALLOUT or EXERCISE)")
                .require(heading == null || heading.length() <= 200, "heading", "must be at most 200 characters")
                .require(
                        !exercise || exerciseId != null && !exerciseId.isBlank(),
                        "exerciseId",
                        "is required for an EXERCISE section")
                .require(
                        exercise || type == null || body != null && !body.isBlank(),
                        "body",
                        "is required for a " + type + " section")
                .require(
                        exercise || body == null || body.length() <= MAX_BODY,
                        "body",
                        "must be at most " + MAX_BODY + " characters")
                .throwIfAny();
        if (exercise) {
            body = null;
        } else {
            exerciseId = null;
        }
    }

    /** The body rendered for web clients; never stored, so it always follows the current rendering rules. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String html() {
        return Markdown.toHtml(body);
    }
}
