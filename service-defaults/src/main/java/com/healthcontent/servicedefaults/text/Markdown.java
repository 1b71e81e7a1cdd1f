package com.healthcontent.servicedefaults.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The rules for text people write on the platform, in one place so that what is accepted and what is rendered
 * agree. Text is Markdown and is stored exactly as sent. It may not carry HTML (a {@code <} that starts a tag, a
 * comment or a declaration), nor link anywhere but http(s), mailto and site paths: that is refused on the way in
 * rather than rewritten, because rewriting changes what the medical reviewers approved. A plain {@code <} ("< 5
 * minutes") is text. For web clients, {@link #toHtml} renders with the maintained CommonMark library, escaping any
 * HTML and dropping unsafe links, so even text stored before these rules existed cannot execute.
 */
public final class Markdown {

    /** What starts HTML in CommonMark: a tag ({@code <a}, {@code </a}), a comment or declaration, an instruction. */
    private static final Pattern HTML_START = Pattern.compile("<(?:[A-Za-z]|/[A-Za-z]|!|\\?)");

    private static final Pattern PATH_START = Pattern.compile("[/?#]");
    private static final Pattern IGNORED_IN_URLS = Pattern.compile("[\\x00-\\x20\\x7f-\\x9f]");

    /** A citation marker: {@code [1]}, as the publication check counts them. */
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                    return isSafeTarget(url) ? url : "";
                }

                @Override
                public String sanitizeImageUrl(String url) {
                    return isSafeTarget(url) ? url : "";
                }
            })
            .nodeRendererFactory(CitationRenderer::new)
            .build();

    static final String HTML_MESSAGE = "must not contain HTML tags; write Markdown instead (a '<' followed by a "
            + "space, such as '< 5 minutes', is fine)";
    static final String LINK_MESSAGE = "links may only go to http(s) addresses, mailto: or site paths such as "
            + "/exercises/knees-to-chest; write Markdown links like [text](https://example.org)";

    private Markdown() {}

    /** Why the text cannot be accepted, or empty when it can. */
    public static Optional<String> problemIn(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (HTML_START.matcher(text).find()) {
            return Optional.of(HTML_MESSAGE);
        }
        if (text.indexOf(']') < 0 && text.indexOf(':') < 0) {
            return Optional.empty(); // no link can be written without either, and parsing is skipped
        }
        UnsafeLinks links = new UnsafeLinks();
        PARSER.parse(text).accept(links);
        return links.found ? Optional.of(LINK_MESSAGE) : Optional.empty();
    }

    public static boolean isSafe(String text) {
        return problemIn(text).isEmpty();
    }

    /** The text as HTML for web clients: any HTML in it escaped, unsafe link targets emptied. */
    public static String toHtml(String markdown) {
        return markdown == null ? null : RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * As {@link #toHtml(String)}, and each citation marker {@code [n]} in the text whose number is one of
     * {@code references} becomes a link to that reference: {@code <a href="#ref-n" class="citation">[n]</a>}.
     * Markers without a reference stay text, and so do markers in code, in link or image text, and Markdown links
     * themselves ({@code [1](https://...)}, or {@code [1]} with a {@code [1]: https://...} definition). Only the
     * parsed text is changed, never the Markdown, so what is escaped stays escaped.
     */
    public static String toHtml(String markdown, Set<Integer> references) {
        if (markdown == null) {
            return null;
        }
        Node document = PARSER.parse(markdown);
        if (!references.isEmpty()) {
            TextOutsideLinks texts = new TextOutsideLinks();
            document.accept(texts);
            texts.found.forEach(text -> linkCitations(text, references));
        }
        return RENDERER.render(document);
    }

    /** The id of the element a link to reference {@code number} points to: {@code ref-1} for {@code [1]}. */
    public static String citationAnchor(int number) {
        return "ref-" + number;
    }

    /** Splits the text node around the markers of known references, each becoming a {@link Citation}. */
    private static void linkCitations(Text text, Set<Integer> references) {
        String literal = text.getLiteral();
        Matcher marker = CITATION.matcher(literal);
        int done = 0;
        while (marker.find()) {
            int number = Integer.parseInt(marker.group(1));
            if (!references.contains(number)) {
                continue;
            }
            if (marker.start() > done) {
                text.insertBefore(new Text(literal.substring(done, marker.start())));
            }
            text.insertBefore(new Citation(number, marker.group()));
            done = marker.end();
        }
        if (done == 0) {
            return;
        }
        if (done == literal.length()) {
            text.unlink();
        } else {
            text.setLiteral(literal.substring(done));
        }
    }

    /**
     * Browsers ignore control characters and whitespace inside a scheme ({@code java\tscript:}) and case; so do
     * we when deciding. Anything before a colon that comes before the first {@code /}, {@code ?} or {@code #} is
     * taken as a scheme, even when no browser would read it as one ({@code \u2028javascript:}): a target is a site
     * path or fragment only when it is plainly one.
     */
    static boolean isSafeTarget(String destination) {
        String normalized = IGNORED_IN_URLS.matcher(destination).replaceAll("").toLowerCase(Locale.ROOT);
        int colon = normalized.indexOf(':');
        if (colon < 0 || PATH_START.matcher(normalized.substring(0, colon)).find()) {
            return true;
        }
        return switch (normalized.substring(0, colon)) {
            case "http", "https", "mailto" -> true;
            default -> false;
        };
    }

    /** A marker such as {@code [1]} that cites a reference of the text. */
    private static final class Citation extends CustomNode {

        final int number;
        final String marker;

        Citation(int number, String marker) {
            this.number = number;
            this.marker = marker;
        }
    }

    /** Writes a {@link Citation} as a link to its reference, the marker as (escaped) text. */
    private static final class CitationRenderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        CitationRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Citation.class);
        }

        @Override
        public void render(Node node) {
            Citation citation = (Citation) node;
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", "#" + citationAnchor(citation.number));
            attributes.put("class", "citation");
            HtmlWriter html = context.getWriter();
            html.tag("a", context.extendAttributes(node, "a", attributes));
            html.text(citation.marker);
            html.tag("/a");
        }
    }

    /** The text nodes a citation may be in: not those of a link's or an image's text; code is not text. */
    private static final class TextOutsideLinks extends AbstractVisitor {

        final List<Text> found = new ArrayList<>();

        @Override
        public void visit(Text text) {
            found.add(text);
        }

        @Override
        public void visit(Link link) {}

        @Override
        public void visit(Image image) {}
    }

    private static final class UnsafeLinks extends AbstractVisitor {

        boolean found;

        @Override
        public void visit(Link link) {
            check(link.getDestination());
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            check(image.getDestination());
            visitChildren(image);
        }

        @Override
        public void visit(LinkReferenceDefinition definition) {
            check(definition.getDestination());
            visitChildren(definition);
        }

        private void check(String destination) {
            if (destination != null && !isSafeTarget(destination)) {
                found = true;
            }
        }
    }
}
