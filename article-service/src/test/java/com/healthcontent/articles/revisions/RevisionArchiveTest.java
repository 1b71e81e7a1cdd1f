package com.healthcontent.articles.revisions;

import static com.healthcontent.articles.ArticleApi.AUTHOR;
import static com.healthcontent.articles.ArticleApi.DR_RAO;
import static com.healthcontent.articles.ArticleApi.EDITOR;
import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.slugOf;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.provenance.ContentDigest;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every published version is kept as it was published: staff read any of them with who approved it (their
 * credentials and notes then) and its digest, compare any two part by part, and restore an old one as a working
 * copy that goes through review again. Readers get the revision and its digest with the page, and a page changed
 * behind the platform's back is never served as approved.
 */
@ServiceIntegrationTest
class RevisionArchiveTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    ArticleApi api;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
    }

    @Test
    void everyPublishedVersionComesBackExactlyWithItsApprovalsAndAnyTwoCompare() {
        String title = uniqueTitle("Archived");
        String first = article(title, "[\"back pain\"]", "Back pain");
        String id = api.published(first);
        String second = first.replace("Joints release gas [1].", "Joints release gas & pop, < 1 s [1].");
        edit(id, second);
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post(
                "/api/v1/articles/" + id + "/reviews",
                DR_RAO,
                "{\"outcome\": \"APPROVED\", \"notes\": \"Checked against the 2015 paper.\"}",
                200);
        api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 200);

        JsonNode revisions = api.call(HttpMethod.GET, "/api/v1/articles/" + id + "/revisions", DR_RAO, null, 200);
        assertThat(revisions.valueStream().map(r -> r.get("number").asInt())).containsExactly(2, 1);
        JsonNode latest = revisions.get(0);
        assertThat(latest.get("publishedBy").asString()).isEqualTo("eli.editor");
        JsonNode approval = latest.get("approvals").get(0);
        assertThat(approval.get("name").asString()).isEqualTo("Dr. Priya Rao");
        assertThat(approval.get("credentials").asString()).isNotBlank();
        assertThat(approval.get("notes").asString()).isEqualTo("Checked against the 2015 paper.");

        // byte for byte what was sent, for each version
        JsonNode one = api.call(HttpMethod.GET, "/api/v1/articles/" + id + "/revisions/1", EDITOR, null, 200);
        JsonNode two = api.call(HttpMethod.GET, "/api/v1/articles/" + id + "/revisions/2", EDITOR, null, 200);
        assertThat(one.get("content").get("sections").get(0).get("body").asString())
                .isEqualTo("Joints release gas [1].");
        assertThat(two.get("content").get("sections").get(0).get("body").asString())
                .isEqualTo("Joints release gas & pop, < 1 s [1].");
        assertThat(one.get("content").get("title").asString()).isEqualTo(title);
        assertThat(one.get("digest").asString()).isNotEqualTo(two.get("digest").asString());
        // the digest is the documented one, of the archived content without the html rendered from it
        JsonNode approvedContent = two.get("content").deepCopy();
        approvedContent.get("sections").forEach(section -> ((ObjectNode) section).remove("html"));
        assertThat(two.get("digest").asString()).isEqualTo(ContentDigest.of(approvedContent));

        // readers get the revision and its digest with the page
        JsonNode page = api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title), null, null, 200);
        assertThat(page.get("revision").asInt()).isEqualTo(2);
        assertThat(page.get("contentDigest").asString())
                .isEqualTo(two.get("digest").asString());

        JsonNode diff =
                api.call(HttpMethod.GET, "/api/v1/articles/" + id + "/revisions/diff?from=1&to=2", DR_RAO, null, 200);
        assertThat(diff.get("changes").findValuesAsString("path")).containsExactly("sections[0].body");
        JsonNode change = diff.get("changes").get(0);
        assertThat(change.get("before").asString()).isEqualTo("Joints release gas [1].");
        assertThat(change.get("after").asString()).isEqualTo("Joints release gas & pop, < 1 s [1].");

        // an old version back as the working copy: readers keep revision 2 until it is reviewed and published
        api.post("/api/v1/articles/" + id + "/revisions/1/restoration", DR_RAO, null, 403);
        JsonNode restored = api.post("/api/v1/articles/" + id + "/revisions/1/restoration", EDITOR, null, 200);
        assertThat(restored.get("status").asString()).isEqualTo("DRAFT");
        assertThat(restored.get("content").get("sections").get(0).get("body").asString())
                .isEqualTo("Joints release gas [1].");
        assertThat(api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title), null, null, 200)
                        .get("revision")
                        .asInt())
                .isEqualTo(2);
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/articles/" + id + "/revisions/2/restoration", EDITOR, null, 409); // frozen in review
    }

    @Test
    void revisionsThatDoNotExistAre404AndReadersCannotListThem() {
        String id = api.published(article(uniqueTitle("Lonely"), "[]", "Back pain"));
        String revisions = "/api/v1/articles/" + id + "/revisions";
        api.call(HttpMethod.GET, revisions + "/2", EDITOR, null, 404);
        api.call(HttpMethod.GET, revisions + "/0", EDITOR, null, 404);
        api.call(HttpMethod.GET, revisions + "/diff?from=1&to=9", EDITOR, null, 404);
        JsonNode missing = api.call(HttpMethod.GET, revisions + "/diff?from=1", EDITOR, null, 400);
        assertThat(missing.get("errors").findValuesAsString("field")).containsExactly("to");
        api.call(HttpMethod.GET, revisions + "/first", EDITOR, null, 404);
        api.post(revisions + "/7/restoration", EDITOR, null, 404);
        api.call(HttpMethod.GET, "/api/v1/articles/no-such-article/revisions", EDITOR, null, 404);
        api.call(HttpMethod.GET, revisions, null, null, 401);
    }

    /** A word changed directly in the database: the page is refused, not served as what its reviewers approved. */
    @Test
    void aPageChangedBehindThePlatformsBackIsNotServedAsApproved() {
        String title = uniqueTitle("Tampered");
        String id = api.published(article(title, "[]", "Back pain"));
        ArticleApi.tamperWith(mongoTemplate, id);

        JsonNode refused = api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title), null, null, 503);
        assertThat(refused.get("detail").asString()).contains("integrity check");
    }

    private void edit(String id, String body) {
        api.client()
                .put()
                .uri("/api/v1/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, api.etagOf(id))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
