package com.healthcontent.articles.article;

import com.healthcontent.editorial.review.MedicalReview;
import java.time.Instant;
import java.util.List;

/** The version readers see: the content as approved, who reviewed it and when. */
public record LiveVersion(
        ArticleContent content,
        int revision,
        Instant publishedAt,
        Instant lastModifiedAt,
        List<MedicalReview> medicalReviews) {

    public LiveVersion {
        medicalReviews = List.copyOf(medicalReviews);
    }

    LiveVersion withLegacyEscapingUndone() {
        return new LiveVersion(
                content.withLegacyEscapingUndone(), revision, publishedAt, lastModifiedAt, medicalReviews);
    }
}
