package com.healthcontent.editorial.review;

import java.time.Instant;

/**
 * A reviewer's approval of a version, shown to readers as "medically reviewed by ... on ...": the name and
 * credentials are the reviewer's profile when they approved, so the record stays what it was at the time.
 */
public record MedicalReview(String reviewer, String name, String credentials, Instant reviewedAt) {

    public MedicalReview {
        name = name == null ? reviewer : name; // approvals recorded before profiles existed
    }
}
