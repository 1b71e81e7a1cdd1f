package com.healthcontent.articles.article;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article text is a Markdown subset that clients render. Whatever an author pastes, it is stored so that it can
 * never execute: raw HTML is escaped (a {@code <script>} comes back as text), and link targets other than
 * http(s), mailto and site-relative paths are dropped (no {@code javascript:} links).
 */
final class InertMarkdown {

    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\(\\s*([^)\\s]*)([^)]*)\\)");
    private static final Pattern SAFE_TARGET = Pattern.compile("(?i)(https?://|mailto:|/|#)[^\\s]*");

    private InertMarkdown() {
    }

    static String of(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;");
        Matcher links = LINK_TARGET.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String target = links.group(1);
            String safe = SAFE_TARGET.matcher(target).matches() ? target : "#";
            links.appendReplacement(out, Matcher.quoteReplacement("](" + safe + links.group(2) + ")"));
        }
        links.appendTail(out);
        return out.toString();
    }
}
