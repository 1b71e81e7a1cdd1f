package com.healthcontent.articles.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * schema.org {@code MedicalWebPage} JSON-LD for a public article, for web clients to embed so that search engines
 * see who wrote it, who reviewed it and when, and what it cites. Typed records, so that the OpenAPI document
 * describes exactly what is sent.
 */
final class StructuredData {

    private StructuredData() {}

    @Schema(name = "MedicalWebPage", description = "schema.org MedicalWebPage (JSON-LD)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MedicalWebPage(
            @JsonProperty("@context") String context,
            @JsonProperty("@type") String type,
            String headline,
            String name,
            String description,
            String inLanguage,
            MedicalAudience audience,
            String keywords,
            String datePublished,
            String dateModified,
            String lastReviewed,
            List<Person> reviewedBy,
            Person author,
            List<ScholarlyArticle> citation) {}

    record MedicalAudience(@JsonProperty("@type") String type, String audienceType) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Person(@JsonProperty("@type") String type, String name, String honorificSuffix) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScholarlyArticle(
            @JsonProperty("@type") String type,
            String name,
            String url,
            List<String> sameAs,
            PropertyValue identifier) {}

    record PropertyValue(@JsonProperty("@type") String type, String propertyID, String value) {}

    static MedicalWebPage medicalWebPage(ArticleViews.PublicArticle article) {
        ArticleViews.Author author = article.author();
        return new MedicalWebPage(
                "https://schema.org",
                "MedicalWebPage",
                article.title(),
                article.title(),
                article.summary(),
                article.language(),
                new MedicalAudience(
                        "MedicalAudience", article.audience() == Audience.CLINICIAN ? "Clinician" : "Patient"),
                String.join(", ", article.tags()),
                article.publishedAt().toString(),
                article.lastModifiedAt().toString(),
                article.medicalReview().lastReviewedAt() == null
                        ? null
                        : article.medicalReview().lastReviewedAt().toString(),
                article.medicalReview().reviewers().stream()
                        .map(review -> person(review.name(), review.credentials()))
                        .toList(),
                person(author.name(), author.credentials()),
                article.references().stream().map(StructuredData::citation).toList());
    }

    private static Person person(String name, String credentials) {
        return new Person("Person", name, credentials);
    }

    private static ScholarlyArticle citation(ArticleViews.ReferenceView reference) {
        return new ScholarlyArticle(
                "ScholarlyArticle",
                reference.title(),
                reference.url(),
                reference.doi() == null ? null : List.of("https://doi.org/" + reference.doi()),
                reference.pubmedId() == null ? null : new PropertyValue("PropertyValue", "PMID", reference.pubmedId()));
    }
}
