package com.healthcontent.exercises.exercise;

import com.healthcontent.servicedefaults.problem.Violations;
import com.healthcontent.servicedefaults.text.SafeText;
import com.healthcontent.servicedefaults.web.WebAddresses;

/**
 * A picture or video of an exercise, with what it takes to show it responsibly: alt text for screen readers and
 * the licence and author attribution its licence asks for.
 */
public record Media(
        Type type,
        String url,
        @SafeText String altText,
        @SafeText String licence,
        @SafeText String attribution) {

    public enum Type {
        IMAGE,
        VIDEO
    }

    public Media {
        new Violations()
                .require(type != null, "type", "is required (IMAGE or VIDEO)")
                .require(WebAddresses.isSecureWeb(url), "url", "must be an https URL")
                .require(
                        altText != null && !altText.isBlank() && altText.length() <= 300,
                        "altText",
                        "is required (at most 300 characters): say what it shows")
                .require(
                        licence != null && !licence.isBlank() && licence.length() <= 100,
                        "licence",
                        "is required, e.g. CC-BY-SA 4.0 or 'own work'")
                .require(
                        attribution == null || attribution.length() <= 200,
                        "attribution",
                        "must be at most 200 characters")
                .throwIfAny();
    }
}
