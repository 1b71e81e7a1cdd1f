package com.healthcontent.articles.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of POST /api/v1/articles and PUT /api/v1/articles/{id}. Section and reference rules are in their records. */
public record ArticleRequest(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
        @Size(max = 120) String slug,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 1000) String summary,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or en-GB") String language,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> categories,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
        Audience audience,
        @Size(max = 120) String authorName,
        @Size(max = 120) String authorCredentials,
        @Size(max = 100) List<@NotNull Section> sections,
        @Size(max = 200) List<@NotNull Reference> references,
        @Size(max = 10) List<@NotBlank @Size(max = 120) String> related) {

    ArticleContent content() {
        return new ArticleContent(title.strip(), summary.strip(), language, categories, tags, audience, authorName,
                authorCredentials, sections, references, related);
    }
}
