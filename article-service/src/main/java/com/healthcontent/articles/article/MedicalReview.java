package com.healthcontent.articles.article;

import java.time.Instant;

/** A reviewer's approval of a version: shown to readers as "medically reviewed by ... on ...". */
public record MedicalReview(String reviewer, String credentials, Instant reviewedAt) {
}
