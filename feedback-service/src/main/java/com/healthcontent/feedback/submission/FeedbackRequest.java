package com.healthcontent.feedback.submission;

import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.servicedefaults.text.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/v1/feedback. Comments are shown to staff, so they follow the same text rules as content. {@code website} is a honeypot: the web form hides it, people leave it empty,
 * bots fill it in.
 */
public record FeedbackRequest(
        @NotNull @Valid FeedbackTarget target,
        @NotNull Boolean helpful,
        ProblemReason reason,
        @Size(max = 2000) @SafeText String comment,
        @Size(max = 500) @SafeText String tryingTo,
        @Size(max = 200) String website) {

    public record FeedbackTarget(
            @NotNull ContentType type,
            @NotBlank @Size(max = 120) String id) {}

    boolean isFromABot() {
        return website != null && !website.isBlank();
    }
}
