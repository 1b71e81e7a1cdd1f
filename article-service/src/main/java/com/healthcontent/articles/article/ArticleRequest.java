package com.healthcontent.articles.article;

import com.healthcontent.servicedefaults.text.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of POST /api/v1/articles and PUT /api/v1/articles/{id}. Section and reference rules are in their records;
 * every text is kept exactly as sent, so what reviewers approve is what readers get.
 */
public record ArticleRequest(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
        @Size(max = 120)
        String slug,

        @NotBlank @Size(max = 200) @SafeText String title,
        @NotBlank @Size(max = 1000) @SafeText String summary,

        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or en-GB")
        String language,

        @Size(max = 10) List<@NotBlank @Size(max = 60) @SafeText String> categories,
        @Size(max = 20) List<@NotBlank @Size(max = 60) @SafeText String> tags,
        Audience audience,
        @Size(max = 120) @SafeText String authorName,
        @Size(max = 120) @SafeText String authorCredentials,
        @Size(max = 100) List<@NotNull @Valid Section> sections,
        @Size(max = 200) List<@NotNull @Valid Reference> references,
        @Size(max = 10) List<@NotBlank @Size(max = 120) String> related) {

    ArticleContent content() {
        return new ArticleContent(
                title,
                summary,
                language,
                categories,
                tags,
                audience,
                authorName,
                authorCredentials,
                sections,
                references,
                related);
    }
}
