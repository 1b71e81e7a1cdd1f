package com.healthcontent.articles.article;

import static com.healthcontent.articles.ArticleApi.AUTHOR;
import static com.healthcontent.articles.ArticleApi.DR_KIM;
import static com.healthcontent.articles.ArticleApi.DR_RAO;
import static com.healthcontent.articles.ArticleApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.servicedefaults.text.Markdown;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the reviewer approved is exactly what readers get: text is stored as sent and served as stored, through
 * every workflow step and revision, over HTTP and MongoDB as in production; HTML and script links are refused.
 */
@ServiceIntegrationTest
class TextIntegrityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    LegacyTextRepair repair;

    @Autowired
    UnarchivedArticles unarchived;

    ArticleApi api;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
    }

    @Test
    void textWithAmpersandsAndAnglesSurvivesTheWholeWorkflowUnchanged() {
        String body =
                "Hold it for < 5 minutes & breathe; \"A & B\" is fine [1]. See [the study](https://doi.org/10.1/x).";
        ObjectNode article =
                article("A & B < 5 minutes " + shortId(), "Summary with 'quotes' & <3 hearts", "Heading & co", body);
        String id = api.post("/api/v1/articles", AUTHOR, article.toString(), 201)
                .get("id")
                .asString();
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/articles/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 200);

        JsonNode draft = api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200);
        assertThat(draft.get("content").get("sections").get(0).get("body").asString())
                .isEqualTo(body);
        JsonNode page = api.call(
                HttpMethod.GET, "/api/v1/articles/" + article.get("slug").asString(), null, null, 200);
        assertThat(page.get("title").asString()).isEqualTo(article.get("title").asString());
        assertThat(page.get("summary").asString()).isEqualTo("Summary with 'quotes' & <3 hearts");
        assertThat(page.get("sections").get(0).get("heading").asString()).isEqualTo("Heading & co");
        assertThat(page.get("sections").get(0).get("body").asString()).isEqualTo(body);
        assertThat(page.get("sections").get(0).get("html").asString())
                .isEqualTo("<p>Hold it for &lt; 5 minutes &amp; "
                        + "breathe; &quot;A &amp; B&quot; is fine <a href=\"#ref-1\" class=\"citation\">[1]</a>. "
                        + "See <a rel=\"nofollow\" href=\"https://doi.org/10.1/x\">"
                        + "the study</a>.</p>\n");
    }

    @Test
    void htmlAndScriptLinksAreRefusedNamingTheField() {
        ObjectNode withScript = article(
                "Scripts " + shortId(),
                "Summary",
                "Head",
                "Text <script>x</script> and <a href=\"javascript:alert(1)\">link</a> [1].");
        JsonNode refused = api.post("/api/v1/articles", AUTHOR, withScript.toString(), 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("sections[0].body");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("Markdown");

        JsonNode summary = api.post(
                "/api/v1/articles",
                AUTHOR,
                article("Images " + shortId(), "<img src=x onerror=alert(1)>Summary", "Head", "Text [1].")
                        .toString(),
                400);
        assertThat(summary.get("errors").findValuesAsString("field")).containsExactly("summary");

        JsonNode heading = api.post(
                "/api/v1/articles",
                AUTHOR,
                article("Headings " + shortId(), "Summary", "<script>alert(1)</script>Head", "Text [1].")
                        .toString(),
                400);
        assertThat(heading.get("errors").findValuesAsString("field")).containsExactly("sections[0].heading");

        JsonNode link = api.post(
                "/api/v1/articles",
                AUTHOR,
                article("Links " + shortId(), "Summary", "Head", "[see](javascript:alert(2)) [1]")
                        .toString(),
                400);
        assertThat(link.get("errors").findValuesAsString("field")).containsExactly("sections[0].body");

        ObjectNode reference = article("References " + shortId(), "Summary", "Head", "Text [1].");
        ((ObjectNode) reference.get("references").get(0)).put("title", "<b>Bold</b> paper");
        JsonNode referenceTitle = api.post("/api/v1/articles", AUTHOR, reference.toString(), 400);
        assertThat(referenceTitle.get("errors").findValuesAsString("field")).containsExactly("references[0].title");
    }

    /**
     * A document as the service stored it before text was kept as sent: the body escaped once on the way in and
     * again on each later save. Readers get the text the author wrote, and the repair rewrites the document once.
     */
    @Test
    void bodiesStoredEscapedByEarlierVersionsAreRepairedOnce() {
        String id = UUID.randomUUID().toString();
        String slug = "legacy-" + shortId();
        String written = "A & B, < 5 minutes [1].";
        String stored = "A &amp;amp;amp; B, &amp;amp;lt; 5 minutes [1].";
        String storedScript = "&amp;lt;script>x&amp;lt;/script> &amp;amp; more";
        Document content = new Document("title", "Legacy & co")
                .append("summary", "Old summary")
                .append(
                        "sections",
                        List.of(
                                new Document("type", "TEXT")
                                        .append("heading", "Why")
                                        .append("body", stored),
                                new Document("type", "CALLOUT").append("body", storedScript)))
                .append(
                        "references",
                        List.of(new Document("number", 1)
                                .append("title", "A paper")
                                .append("url", "https://example.org/paper")));
        Document live = new Document("content", content)
                .append("revision", 1)
                .append("publishedAt", new java.util.Date())
                .append("lastModifiedAt", new java.util.Date())
                .append("medicalReviews", List.of());
        mongoTemplate
                .getCollection("articles")
                .insertOne(new Document("_id", id)
                        .append("slug", slug)
                        .append("status", "PUBLISHED")
                        .append("draft", content)
                        .append("author", "ana.author")
                        .append("live", live)
                        .append("searchText", "legacy")
                        .append("version", 3L)
                        .append("createdAt", new java.util.Date())
                        .append("updatedAt", new java.util.Date()));

        unarchived.run(null); // as at the start of the upgrade that brought the revision archive
        JsonNode page = api.call(HttpMethod.GET, "/api/v1/articles/" + slug, null, null, 200);
        assertThat(page.get("sections").get(0).get("body").asString()).isEqualTo(written);
        // One layer stays where removing it would bring back HTML: readers see the words, nothing runs.
        assertThat(page.get("sections").get(1).get("body").asString()).isEqualTo("&lt;script>x&lt;/script> &amp; more");
        assertThat(page.get("sections").get(1).get("html").asString()).doesNotContain("<script");

        assertThat(repair.repairAll()).isGreaterThanOrEqualTo(1);
        Document repaired = mongoTemplate
                .getCollection("articles")
                .find(new Document("_id", id))
                .first();
        assertThat(repaired.getInteger("textFormat")).isEqualTo(2);
        assertThat(repaired.get("live", Document.class)
                        .get("content", Document.class)
                        .getList("sections", Document.class)
                        .get(0)
                        .getString("body"))
                .isEqualTo(written);
        long versionAfterRepair = repaired.getLong("version");
        repair.repairAll();
        assertThat(mongoTemplate
                        .getCollection("articles")
                        .find(new Document("_id", id))
                        .first()
                        .getLong("version"))
                .as("a repaired document is left alone")
                .isEqualTo(versionAfterRepair);
    }

    /**
     * The content-integrity property, over HTTP and MongoDB: any text an author may write (arbitrary Unicode,
     * quotes, ampersands, angle brackets that start no tag, Markdown) comes back byte-identical from the draft after
     * every step, and from the public page after every publication, through random sequences of edits, reviews,
     * requested changes and revisions.
     */
    @Test
    void anyAcceptedTextComesBackByteIdenticalAfterAnySequenceOfSteps() {
        Arbitrary<List<String>> texts = accepted().list().ofSize(5);
        Arbitrary<List<Integer>> plans =
                Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(4);
        Combinators.combine(texts, plans).as(Case::new).sampleStream().limit(25).forEach(this::roundTrip);
    }

    record Case(List<String> texts, List<Integer> steps) {}

    private void roundTrip(Case sample) {
        String slug = "property-" + shortId();
        ObjectNode current = article(sample, slug, 0);
        String id = api.post("/api/v1/articles", AUTHOR, current.toString(), 201)
                .get("id")
                .asString();
        assertDraftSays(id, current, sample);
        ObjectNode live = null;
        int round = 0;
        for (int step : sample.steps()) {
            round++;
            if (step == 1 || step == 3 || live != null) { // an edit; on live content, a revision
                current = article(sample, slug, round);
                edit(id, current);
                assertDraftSays(id, current, sample);
            }
            String reviewer = round % 2 == 0 ? DR_RAO : DR_KIM;
            String name = round % 2 == 0 ? "dr.rao" : "dr.kim";
            api.post("/api/v1/articles/" + id + "/submission", EDITOR, "{\"reviewers\": [\"" + name + "\"]}", 200);
            if (step == 2) { // changes requested, then the same text resubmitted
                api.post(
                        "/api/v1/articles/" + id + "/reviews",
                        reviewer,
                        "{\"outcome\": \"CHANGES_REQUESTED\", \"notes\": \"Re-check & resubmit.\"}",
                        200);
                assertDraftSays(id, current, sample);
                api.post("/api/v1/articles/" + id + "/submission", EDITOR, "{\"reviewers\": [\"" + name + "\"]}", 200);
            }
            api.post("/api/v1/articles/" + id + "/reviews", reviewer, "{\"outcome\": \"APPROVED\"}", 200);
            assertDraftSays(id, current, sample);
            api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 200);
            live = current;
            assertPageSays(slug, live, sample);
        }
        if (live != null && sample.steps().size() > 1) {
            edit(id, article(sample, slug, 99)); // a revision in progress never shows on the page
            assertPageSays(slug, live, sample);
        }
    }

    private void edit(String id, ObjectNode content) {
        api.client()
                .put()
                .uri("/api/v1/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, api.etagOf(id))
                .contentType(MediaType.APPLICATION_JSON)
                .body(content.toString())
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void assertDraftSays(String id, ObjectNode sent, Case sample) {
        JsonNode draft = api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200)
                .get("content");
        assertSame(sent, draft, draft.get("sections").get(0), sample);
    }

    private void assertPageSays(String slug, ObjectNode published, Case sample) {
        JsonNode page = api.call(HttpMethod.GET, "/api/v1/articles/" + slug, null, null, 200);
        assertSame(published, page, page.get("sections").get(0), sample);
        assertThat(page.get("sections").get(0).get("html").asString())
                .as("%s", sample)
                .isEqualTo(Markdown.toHtml(
                        published.get("sections").get(0).get("body").asString(), Set.of(1))); // its one reference
    }

    private static void assertSame(ObjectNode sent, JsonNode got, JsonNode section, Case sample) {
        assertThat(got.get("title").asString())
                .as("title of %s", sample)
                .isEqualTo(sent.get("title").asString());
        assertThat(got.get("summary").asString())
                .as("summary of %s", sample)
                .isEqualTo(sent.get("summary").asString());
        JsonNode sentSection = sent.get("sections").get(0);
        assertThat(section.get("heading").asString())
                .as("heading of %s", sample)
                .isEqualTo(sentSection.get("heading").asString());
        assertThat(section.get("body").asString())
                .as("body of %s", sample)
                .isEqualTo(sentSection.get("body").asString());
        assertThat(got.get("references").get(0).get("title").asString())
                .as("reference of %s", sample)
                .isEqualTo(sent.get("references").get(0).get("title").asString());
    }

    /** The texts of one version: the sample's texts, rotated by the round so each version differs. */
    private static ObjectNode article(Case sample, String slug, int round) {
        List<String> t = new ArrayList<>(sample.texts());
        java.util.Collections.rotate(t, round);
        ObjectNode article = article(t.get(0), t.get(1), t.get(2), t.get(3) + " [1]");
        article.put("slug", slug);
        ((ObjectNode) article.get("references").get(0)).put("title", t.get(4));
        return article;
    }

    private static ObjectNode article(String title, String summary, String heading, String body) {
        ObjectNode article = JSON.createObjectNode();
        article.put("title", title).put("summary", summary).put("slug", "text-" + shortId());
        article.putArray("tags").add("back pain");
        ArrayNode sections = article.putArray("sections");
        sections.addObject().put("type", "TEXT").put("heading", heading).put("body", body);
        article.putArray("references")
                .addObject()
                .put("number", 1)
                .put("title", "A paper")
                .put("url", "https://example.org/paper");
        return article;
    }

    /** Any text an author may write: valid Unicode scalar values, with the characters that broke before. */
    private static Arbitrary<String> accepted() {
        Arbitrary<String> unicode = Arbitraries.integers()
                .between(0x20, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .map(Character::toString);
        Arbitrary<String> tricky = Arbitraries.of(
                "&",
                "&amp;",
                "&lt;",
                "< ",
                "<3",
                "\"",
                "'",
                "> ",
                "**bold**",
                "[1]",
                "[link](https://example.org/a?b=1&c=2)",
                "`code`",
                "\n",
                "  ",
                "\t",
                "é",
                "🧘",
                "\\");
        return Arbitraries.oneOf(unicode, tricky)
                .list()
                .ofMinSize(1)
                .ofMaxSize(30)
                .map(parts -> String.join("", parts))
                .filter(text -> !text.isBlank() && text.length() <= 200 && Markdown.isSafe(text));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
