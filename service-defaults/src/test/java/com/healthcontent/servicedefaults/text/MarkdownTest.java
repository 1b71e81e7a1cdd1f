package com.healthcontent.servicedefaults.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Text <script>x</script> and more",
                "<img src=x onerror=alert(1)>Summary",
                "<script>alert(1)</script>Head",
                "a <a href=\"https://example.org\">link</a>",
                "</div>",
                "<!-- hidden -->",
                "<?php echo 1 ?>",
                "<https://example.org>"
            })
    void htmlIsRefused(String text) {
        assertThat(Markdown.problemIn(text)).contains(Markdown.HTML_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[link](javascript:alert(1))",
                "[link](JavaScript:alert(1))",
                "[link](java&#x09;script:alert(1))",
                "[link](  javascript:alert(1)  )",
                "[link](javascript&#58;alert(1))",
                "[link](data:text/html;base64,PHNjcmlwdD4=)",
                "[link](vbscript:msgbox)",
                "![picture](data:image/svg+xml,abc)",
                "[ref]\n\n[ref]: javascript:alert(1)",
                "[link](\u00a0javascript:alert(1))",
                "[link](\ufeffjavascript:alert(1))",
                "[link](\ufffdjavascript:)",
                "[link](ftp://example.org)"
            })
    void unsafeLinkTargetsAreRefused(String text) {
        assertThat(Markdown.problemIn(text)).contains(Markdown.LINK_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hold it for < 5 minutes",
                "A & B, 3 < 4 and 5 > 4",
                "<3 times a day, <= 10 reps, <- back",
                "Gas leaves the joint fluid [1].",
                "See [the study](https://doi.org/10.1371/journal.pone.0119470) and [us](/articles/x) or [mail](mailto:a@b.org)",
                "**Stop** if it hurts; _ease_ into it.",
                "javascript: is only a word here",
                "&lt;script&gt; written as entities stays text",
                "[the 10:30 class](/routines/morning?at=10:30#step:2)",
                "Ünïcödé — “quotes” ‘and’ emoji 🧘"
            })
    void textAndMarkdownAreAccepted(String text) {
        assertThat(Markdown.problemIn(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>x</script>",
                "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))",
                "[x](data:text/html,<b>)",
                "&lt;script&gt;"
            })
    void renderedHtmlNeverCarriesMarkupOrScriptLinksFromTheText(String text) {
        String html = Markdown.toHtml(text);
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("javascript:")
                .doesNotContain("data:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hold it for < 5 minutes & breathe", "See [the study](https://example.org/a?b=1&c=2) [1]."})
    void renderedHtmlShowsTheTextItself(String text) {
        assertThat(Markdown.toHtml("A & B < 5")).isEqualTo("<p>A &amp; B &lt; 5</p>\n");
        assertThat(Markdown.toHtml("[the study](https://example.org/a)"))
                .isEqualTo("<p><a rel=\"nofollow\" href=\"https://example.org/a\">the study</a></p>\n");
        assertThat(Markdown.toHtml(text)).startsWith("<p>");
    }

    @Test
    void citationMarkersOfTheReferencesLinkToThem() {
        assertThat(Markdown.toHtml("Gas leaves the joint [1]; bone is not involved [2].", Set.of(1, 2)))
                .isEqualTo("<p>Gas leaves the joint <a href=\"#ref-1\" class=\"citation\">[1]</a>; bone is not "
                        + "involved <a href=\"#ref-2\" class=\"citation\">[2]</a>.</p>\n");
        assertThat(Markdown.toHtml("*Stretch gently [1]*\n\n- held [1]\n- done", Set.of(1)))
                .isEqualTo("<p><em>Stretch gently <a href=\"#ref-1\" class=\"citation\">[1]</a></em></p>\n"
                        + "<ul>\n<li>held <a href=\"#ref-1\" class=\"citation\">[1]</a></li>\n<li>done</li>\n</ul>\n");
        assertThat(Markdown.citationAnchor(12)).isEqualTo("ref-12");
    }

    @Test
    void adjacentAndRepeatedMarkersEachLink() {
        assertThat(Markdown.toHtml("Both[1][2], again [1].", Set.of(1, 2)))
                .isEqualTo("<p>Both<a href=\"#ref-1\" class=\"citation\">[1]</a>"
                        + "<a href=\"#ref-2\" class=\"citation\">[2]</a>, again "
                        + "<a href=\"#ref-1\" class=\"citation\">[1]</a>.</p>\n");
        assertThat(Markdown.toHtml("[1]", Set.of(1)))
                .isEqualTo("<p><a href=\"#ref-1\" class=\"citation\">[1]</a></p>\n");
    }

    @Test
    void markersWithoutAReferenceStayText() {
        assertThat(Markdown.toHtml("Known [1], unknown [7], [1000] and [x].", Set.of(1)))
                .isEqualTo(
                        "<p>Known <a href=\"#ref-1\" class=\"citation\">[1]</a>, unknown [7], [1000] and [x].</p>\n");
        assertThat(Markdown.toHtml("No references [1].", Set.of())).isEqualTo("<p>No references [1].</p>\n");
        assertThat(Markdown.toHtml(null, Set.of(1))).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "In code `[1]` it is text",
                "```\nlist[1]\n```",
                "    indented[1]",
                "[see [1]](https://example.org/a)",
                "![figure [1]](/images/a.png)",
                "[1](https://example.org/one)",
                "Cited [1].\n\n[1]: https://example.org/paper",
                "Cited [2][1].\n\n[1]: https://example.org/paper"
            })
    void markersInCodeAndLinksAndMarkdownLinksAreLeftAlone(String text) {
        assertThat(Markdown.toHtml(text, Set.of(1, 2)))
                .doesNotContain("class=\"citation\"")
                .isEqualTo(Markdown.toHtml(text));
    }

    @Test
    void markdownLinksKeepWorkingBesideCitations() {
        assertThat(Markdown.toHtml("See [the study](https://example.org/a?b=1&c=2) [1].", Set.of(1)))
                .isEqualTo("<p>See <a rel=\"nofollow\" href=\"https://example.org/a?b=1&amp;c=2\">the study</a> "
                        + "<a href=\"#ref-1\" class=\"citation\">[1]</a>.</p>\n");
        assertThat(Markdown.toHtml("Cited [1].\n\n[1]: https://example.org/paper", Set.of(1)))
                .isEqualTo("<p>Cited <a rel=\"nofollow\" href=\"https://example.org/paper\">1</a>.</p>\n");
    }

    @Test
    void escapingIsIntactAroundCitations() {
        assertThat(Markdown.toHtml("A & B < 5 \"quoted\"[1]<3 &lt;b&gt; **[2]**", Set.of(1, 2)))
                .isEqualTo("<p>A &amp; B &lt; 5 &quot;quoted&quot;<a href=\"#ref-1\" class=\"citation\">[1]</a>"
                        + "&lt;3 &lt;b&gt; <strong><a href=\"#ref-2\" class=\"citation\">[2]</a></strong></p>\n");
    }

    /**
     * Linking citations changes nothing else: the HTML with each citation link replaced by its marker is the HTML
     * rendered without citations, for any text.
     */
    @Property(tries = 1000)
    void citationLinksAreTheOnlyDifference(@ForAll("writing") String text) {
        String linked = Markdown.toHtml(text, Set.of(1, 2));
        assertThat(CITATION_LINK.matcher(linked).replaceAll("$2")).isEqualTo(Markdown.toHtml(text));
    }

    private static final Pattern CITATION_LINK =
            Pattern.compile("<a href=\"#ref-(\\d+)\" class=\"citation\">(\\[\\1])</a>");

    /**
     * Whatever text is given, accepted or not (text stored before the rules), the HTML has only the tags CommonMark
     * writes itself, no event handler attributes, and every link or image target is one a browser would open as a
     * web, mail or same-site address ({@code https://example.orgjavascript:} is a web address on an odd host).
     */
    @Property(tries = 1000)
    void anyTextRendersToHarmlessHtml(@ForAll("writing") String text) {
        Matcher tags = TAG.matcher(Markdown.toHtml(text));
        while (tags.find()) {
            assertThat(tags.group(1).toLowerCase()).isIn(COMMONMARK_TAGS);
            assertThat(tags.group(2)).doesNotContainPattern("(?i)\\son[a-z]+=");
            Matcher targets = TARGET.matcher(tags.group(2));
            while (targets.find()) {
                assertThat(schemeAsBrowsersRead(targets.group(1))).isIn("", "http", "https", "mailto");
            }
        }
    }

    /** The scheme per the URL standard: entities decoded, tabs and newlines dropped, leading controls trimmed. */
    private static String schemeAsBrowsersRead(String attribute) {
        String url = attribute.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(url);
        url = numeric.replaceAll(m -> Matcher.quoteReplacement(
                Character.toString(Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
        url = url.replace("&amp;", "&").replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+", "");
        Matcher scheme = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):").matcher(url);
        return scheme.find() ? scheme.group(1).toLowerCase() : "";
    }

    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z0-9]+)([^>]*)>");
    private static final Pattern TARGET = Pattern.compile("(?i)\\s(?:href|src)=\"([^\"]*)\"");
    private static final Set<String> COMMONMARK_TAGS = Set.of(
            "p",
            "a",
            "em",
            "strong",
            "code",
            "pre",
            "img",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "br",
            "hr");

    @Provide
    Arbitrary<String> writing() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of(
                        "<",
                        ">",
                        "&",
                        "<script>",
                        "</a>",
                        "[x](",
                        ")",
                        "javascript:",
                        "data:",
                        "![i](",
                        "\n",
                        "`",
                        "*",
                        "&lt;",
                        "&#58;",
                        " ",
                        "[1]",
                        "https://example.org",
                        "onerror=alert(1)",
                        "<img "));
        return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }
}
