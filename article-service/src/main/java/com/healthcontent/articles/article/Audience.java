package com.healthcontent.articles.article;

/** Who the article is written for, as schema.org's {@code medicalAudience} (Patient, Clinician). */
public enum Audience {
    PATIENT,
    CLINICIAN
}
