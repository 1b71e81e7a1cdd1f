package com.healthcontent.articles.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org {@code MedicalWebPage} JSON-LD for a public article, for web clients to embed so that search engines
 * see who wrote it, who reviewed it and when, and what it cites.
 */
final class StructuredData {

    private StructuredData() {
    }

    static Map<String, Object> medicalWebPage(ArticleViews.PublicArticle article) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        page.put("headline", article.title());
        page.put("name", article.title());
        page.put("description", article.summary());
        page.put("inLanguage", article.language());
        page.put("audience", Map.of("@type", "MedicalAudience",
                "audienceType", article.audience() == Audience.CLINICIAN ? "Clinician" : "Patient"));
        page.put("keywords", String.join(", ", article.tags()));
        page.put("datePublished", article.publishedAt().toString());
        page.put("dateModified", article.lastModifiedAt().toString());
        if (article.medicalReview().lastReviewedAt() != null) {
            page.put("lastReviewed", article.medicalReview().lastReviewedAt().toString());
        }
        page.put("reviewedBy", article.medicalReview().reviewers().stream()
                .map(review -> person(review.name(), review.credentials())).toList());
        ArticleViews.Author author = article.author();
        page.put("author", person(author.name(), author.credentials()));
        page.put("citation", article.references().stream().map(StructuredData::citation).toList());
        return page;
    }

    private static Map<String, Object> person(String name, String credentials) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", name);
        if (credentials != null) {
            person.put("honorificSuffix", credentials);
        }
        return person;
    }

    private static Map<String, Object> citation(Reference reference) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@type", "ScholarlyArticle");
        work.put("name", reference.title());
        if (reference.url() != null) {
            work.put("url", reference.url());
        }
        if (reference.doi() != null) {
            work.put("sameAs", List.of("https://doi.org/" + reference.doi()));
        }
        if (reference.pubmedId() != null) {
            work.put("identifier", Map.of("@type", "PropertyValue", "propertyID", "PMID", "value", reference.pubmedId()));
        }
        return work;
    }
}
