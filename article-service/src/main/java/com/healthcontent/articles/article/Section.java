package com.healthcontent.articles.article;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.text.Markdown;
import com.healthcontent.servicedefaults.text.SafeText;

/**
 * One block of an article. Text and callouts carry a Markdown body, kept exactly as the author wrote it; an
 * exercise block carries only the id of an exercise, whose content stays owned by exercise-service.
 */
public record Section(SectionType type, @SafeText String heading, @SafeText String body, String exerciseId) {

    public static final int MAX_BODY = 20_000;

    public Section {
        if (type == null) {
            throw new InvalidInputException("type", "is required (TEXT, CALLOUT or EXERCISE)");
        }
        if (heading != null && heading.length() > 200) {
            throw new InvalidInputException("heading", "must be at most 200 characters");
        }
        if (type == SectionType.EXERCISE) {
            if (exerciseId == null || exerciseId.isBlank()) {
                throw new InvalidInputException("exerciseId", "is required for an EXERCISE section");
            }
            body = null;
        } else {
            if (body == null || body.isBlank()) {
                throw new InvalidInputException("body", "is required for a " + type + " section");
            }
            if (body.length() > MAX_BODY) {
                throw new InvalidInputException("body", "must be at most " + MAX_BODY + " characters");
            }
            exerciseId = null;
        }
    }

    /** The body rendered for web clients; never stored, so it always follows the current rendering rules. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String html() {
        return Markdown.toHtml(body);
    }
}
