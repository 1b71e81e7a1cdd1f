package com.healthcontent.readersite.feedback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A reader's answer as the page's form posts it, checked before anything is sent: which item (an article or an
 * exercise, by id, and the page to go back to), the vote, and after a No what was wrong. {@code website} is the
 * honeypot: people leave it empty; the platform quietly drops what a robot filled in.
 */
record FeedbackForm(
        String targetType,
        String targetId,
        String page,
        Boolean helpful,
        ProblemReason reason,
        String comment,
        String website) {

    static final int MAX_COMMENT = 1000;
    private static final Set<String> TYPES = Set.of("ARTICLE", "EXERCISE");

    /** The form's fields, or {@link IllegalArgumentException} saying what is wrong in a reader's words. */
    static FeedbackForm of(Map<String, String> fields, boolean details) {
        String type = fields.get("targetType");
        String id = fields.get("targetId");
        String page = fields.get("page");
        if (type == null || !TYPES.contains(type) || id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("This form does not name a page of this site.");
        }
        if (page == null || !page.matches("/(articles|exercises|routines)/[a-z0-9-]{1,120}")) {
            throw new IllegalArgumentException("This form does not name a page of this site.");
        }
        String comment = fields.getOrDefault("comment", "").strip();
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("The comment is longer than " + MAX_COMMENT + " characters.");
        }
        ProblemReason reason = null;
        String named = fields.get("reason");
        if (named != null && !named.isBlank()) {
            try {
                reason = ProblemReason.valueOf(named);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("Choose one of the reasons listed.");
            }
        }
        Boolean helpful;
        if (details) {
            if (reason == null) {
                throw new IllegalArgumentException("Choose what was wrong, then send.");
            }
            helpful = false;
        } else {
            String vote = fields.get("helpful");
            if (!"true".equals(vote) && !"false".equals(vote)) {
                throw new IllegalArgumentException("Choose Yes or No.");
            }
            helpful = Boolean.valueOf(vote);
        }
        return new FeedbackForm(type, id, page, helpful, reason, comment, fields.getOrDefault("website", ""));
    }

    /** The feedback API's request body. */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", Map.of("type", targetType, "id", targetId));
        body.put("helpful", helpful);
        if (reason != null) {
            body.put("reason", reason.name());
        }
        if (!comment.isEmpty()) {
            body.put("comment", comment);
        }
        if (!website.isEmpty()) {
            body.put("website", website);
        }
        return body;
    }
}
