package com.healthcontent.feedback.content;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article or exercise readers can give feedback on, as this service knows it from article and exercise
 * events: whether it is live, and who answers for it (its author and medical reviewers).
 *
 * <p>{@code version} is the revision readers see, as the latest publication event carried it: an article's revision
 * number (one more with every publication), an exercise's version. Feedback is stamped with it.
 */
@Document("published_content")
@CompoundIndex(name = "type_slug", def = "{'type': 1, 'slug': 1}")
public record PublishedContent(
        @Id String id,
        ContentType type,
        String slug,
        String title,
        String author,
        List<String> medicalReviewers,
        boolean live,
        long version) {}
