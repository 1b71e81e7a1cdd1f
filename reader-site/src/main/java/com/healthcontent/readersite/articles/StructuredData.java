package com.healthcontent.readersite.articles;

/**
 * The article's schema.org JSON-LD (MedicalWebPage with its reviewers, review dates and citations) as article-service
 * writes it, made safe to place inside a {@code <script>} element: JSON allows {@code <} only inside strings, where
 * {@code \u003c} means the same, so no text of the article can close the element.
 */
final class StructuredData {

    private StructuredData() {}

    static String safe(String json) {
        return json == null ? null : json.replace("<", "\\u003c");
    }
}
