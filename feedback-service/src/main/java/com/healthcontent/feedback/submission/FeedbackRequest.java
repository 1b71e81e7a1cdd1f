package com.healthcontent.feedback.submission;

import com.healthcontent.feedback.content.ContentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of POST /api/v1/feedback. */
public record FeedbackRequest(
        @NotNull @Valid Target target,
        @NotNull Boolean helpful,
        ProblemReason reason,
        @Size(max = 2000) String comment,
        @Size(max = 500) String tryingTo) {

    public record Target(@NotNull ContentType type, @NotBlank @Size(max = 120) String id) {
    }
}
