package com.healthcontent.articles.article;

import com.healthcontent.servicedefaults.text.Markdown;
import java.util.regex.Pattern;

/**
 * Undoes the HTML escaping that article-service applied to section bodies before text was kept as sent: it
 * escaped {@code &} and {@code <} every time a body was read or written, so stored bodies carry one or more layers.
 * A layer is peeled only while the text is exactly what escaping produces (no raw {@code <}, every {@code &} an
 * {@code &amp;} or {@code &lt;}), and only while the result still passes today's text rules: a body that once held
 * {@code <script>} keeps its last layer and shows readers the words, not a script. Documents carry
 * {@link Article#TEXT_FORMAT}, so text already repaired (or written since) is never touched again.
 */
final class LegacyEscaping {

    private static final Pattern ESCAPED = Pattern.compile("[^<&]*(?:&(?:amp|lt);[^<&]*)*");

    private LegacyEscaping() {}

    static String undo(String stored) {
        String text = stored;
        while (text != null && text.indexOf('&') >= 0 && ESCAPED.matcher(text).matches()) {
            String unescaped = text.replace("&lt;", "<").replace("&amp;", "&");
            if (!Markdown.isSafe(unescaped)) {
                break;
            }
            text = unescaped;
        }
        return text;
    }
}
