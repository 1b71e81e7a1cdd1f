package com.healthcontent.articles.article;

import static com.healthcontent.articles.ArticleApi.ADMIN;
import static com.healthcontent.articles.ArticleApi.AUTHOR;
import static com.healthcontent.articles.ArticleApi.DR_RAO;
import static com.healthcontent.articles.ArticleApi.EDITOR;
import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.slugOf;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** What readers and staff read: filters, related and recent articles, JSON-LD, caching, the review queue. */
@ServiceIntegrationTest
class ArticleReadingTest {

    @LocalServerPort
    int port;

    ArticleApi api;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
    }

    @Test
    void filtersByTagCategoryReviewerAndModifiedSince() {
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 6);
        String category = "Category " + tag;
        Instant before = Instant.now();
        String title = uniqueTitle("Filtered");
        api.published(article(title, "[\"" + tag + "\"]", category));

        assertThat(slugs("/api/v1/articles?tag=" + tag)).containsExactly(slugOf(title));
        assertThat(slugs("/api/v1/articles?category=" + category)).containsExactly(slugOf(title));
        assertThat(slugs("/api/v1/articles?tag=" + tag + "&reviewer=dr.rao")).containsExactly(slugOf(title));
        assertThat(slugs("/api/v1/articles?tag=" + tag + "&reviewer=dr.kim")).isEmpty();
        assertThat(slugs("/api/v1/articles?tag=" + tag + "&modifiedSince=" + before))
                .containsExactly(slugOf(title));
        assertThat(slugs("/api/v1/articles?tag=" + tag + "&modifiedSince="
                        + Instant.now().plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void relatedSharesATagAndNeverLinksToItselfRecentIsNewestFirst() {
        String tag = "shared-" + UUID.randomUUID().toString().substring(0, 6);
        String first = uniqueTitle("First");
        String second = uniqueTitle("Second");
        api.published(article(first, "[\"" + tag + "\"]", "Back pain"));
        api.published(article(second, "[\"" + tag + "\"]", "Back pain"));

        JsonNode page = api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(second), null, null, 200);
        assertThat(page.get("related").findValuesAsString("slug"))
                .contains(slugOf(first))
                .doesNotContain(slugOf(second));
        assertThat(page.get("recent").findValuesAsString("slug")).doesNotContain(slugOf(second));
        JsonNode firstPage = api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(first), null, null, 200);
        assertThat(firstPage.get("recent").get(0).get("slug").asString()).isEqualTo(slugOf(second));
    }

    @Test
    void offersMedicalWebPageJsonLd() {
        String title = uniqueTitle("Structured");
        api.published(article(title, "[\"back pain\"]", "Back pain"));

        api.client()
                .get()
                .uri("/api/v1/articles/{slug}/structured-data", slugOf(title))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("application/ld+json")
                .expectBody()
                .jsonPath("$['@type']")
                .isEqualTo("MedicalWebPage")
                // people as the staff directory names them, not usernames typed per article
                .jsonPath("$.reviewedBy[0]['@type']")
                .isEqualTo("Person")
                .jsonPath("$.reviewedBy[0].name")
                .isEqualTo("Dr. Priya Rao")
                .jsonPath("$.reviewedBy[0].honorificSuffix")
                .isEqualTo("M.D., FFARCSI, DA")
                .jsonPath("$.author.name")
                .isEqualTo("Ana Alvarez")
                .jsonPath("$.author.honorificSuffix")
                .isEqualTo("MSc")
                .jsonPath("$.lastReviewed")
                .exists()
                .jsonPath("$.citation[0].sameAs[0]")
                .isEqualTo("https://doi.org/10.1371/journal.pone.0119470");
    }

    /** On the page, each citation marker links to its reference, which carries the anchor; the body is as written. */
    @Test
    void citationMarkersLinkToTheReferencesTheyCite() {
        String title = uniqueTitle("Cited");
        String body = "Gas leaves the joint [1], not bone [2]; `[1]` in code is text. "
                + "See [the study](https://doi.org/10.1/x).";
        String id = api.published("""
                {"title": "%s", "summary": "What to know.", "tags": [], "categories": ["Back pain"],
                 "sections": [{"type": "TEXT", "heading": "Why", "body": "%s"}],
                 "references": [{"number": 1, "title": "Joint cavitation", "doi": "10.1371/journal.pone.0119470"},
                                {"number": 2, "title": "Bone and joints", "url": "https://example.org/bone"}]}
                """.formatted(title, body));

        JsonNode page = api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title), null, null, 200);
        JsonNode section = page.get("sections").get(0);
        assertThat(section.get("html").asString())
                .isEqualTo("<p>Gas leaves the joint <a href=\"#ref-1\" class=\"citation\">[1]</a>, not bone "
                        + "<a href=\"#ref-2\" class=\"citation\">[2]</a>; <code>[1]</code> in code is text. "
                        + "See <a rel=\"nofollow\" href=\"https://doi.org/10.1/x\">the study</a>.</p>\n");
        assertThat(section.get("body").asString()).isEqualTo(body);
        assertThat(page.get("references").get(0).get("id").asString()).isEqualTo("ref-1");
        assertThat(page.get("references").get(0).get("number").asInt()).isEqualTo(1);
        assertThat(page.get("references").get(1).get("id").asString()).isEqualTo("ref-2");
        JsonNode draft = api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200);
        assertThat(draft.get("content").get("sections").get(0).get("body").asString())
                .isEqualTo(body);
    }

    @Test
    void draftsAre404ToReadersAndPublishedPagesAreRevalidatedByTheirEtag() {
        String title = uniqueTitle("Cached");
        api.draft(article(title, "[]", "Back pain"));
        api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title), null, null, 404);

        String published = uniqueTitle("Cacheable");
        api.published(article(published, "[]", "Back pain"));
        var first = api.client()
                .get()
                .uri("/api/v1/articles/{slug}", slugOf(published))
                .exchange()
                .expectStatus()
                .isOk()
                // a cache may keep the page but must ask before each use: an unpublished page must not linger
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, public")
                .returnResult(String.class);
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        api.client()
                .get()
                .uri("/api/v1/articles/{slug}", slugOf(published))
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectBody()
                .isEmpty();
        String structuredData = api.client()
                .get()
                .uri("/api/v1/articles/{slug}/structured-data", slugOf(published))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        api.client()
                .get()
                .uri("/api/v1/articles/{slug}/structured-data", slugOf(published))
                .header(HttpHeaders.IF_NONE_MATCH, structuredData)
                .exchange()
                .expectStatus()
                .isNotModified();

        // Another article published changes this page's "recent" links, so its ETag must change with them.
        String newer = uniqueTitle("Newer");
        api.published(article(newer, "[]", "Back pain"));
        var changed = api.client()
                .get()
                .uri("/api/v1/articles/{slug}", slugOf(published))
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        assertThat(changed.getResponseHeaders().getETag()).isNotEqualTo(etag);
        JsonNode page = api.json(changed.getResponseBody());
        assertThat(page.get("recent").get(0).get("slug").asString()).isEqualTo(slugOf(newer));
    }

    @Test
    void theReviewQueueListsLiveArticlesByDueDateForStaffOnly() {
        api.published(article(uniqueTitle("Queued"), "[]", "Back pain"));
        JsonNode queue = api.call(HttpMethod.GET, "/api/v1/articles/due-for-review?size=100", DR_RAO, null, 200);
        assertThat(queue.get("items").size()).isPositive();
        // compared as instants: as text "...44Z" sorts after "...44.330Z"
        Instant previous = Instant.MIN;
        for (JsonNode item : queue.get("items")) {
            Instant due = Instant.parse(item.get("nextReviewDue").asString());
            assertThat(due).isAfterOrEqualTo(previous);
            previous = due;
        }
        api.call(HttpMethod.GET, "/api/v1/articles/due-for-review", AUTHOR, null, 403);
        api.call(HttpMethod.GET, "/api/v1/articles/due-for-review", null, null, 401);
        api.call(HttpMethod.GET, "/api/v1/articles/due-for-review", EDITOR, null, 200);
        api.call(HttpMethod.GET, "/api/v1/articles/due-for-review", ADMIN, null, 200);
    }

    @Test
    void reservedPathsCannotBeSlugs() {
        JsonNode problem = api.post(
                "/api/v1/articles",
                AUTHOR,
                article("Drafts", "[]", "Back pain").replace("{\"title\"", "{\"slug\": \"drafts\", \"title\""),
                400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("slug");
    }

    private java.util.List<String> slugs(String path) {
        return api.call(HttpMethod.GET, path, null, null, 200).get("items").findValuesAsString("slug");
    }
}
