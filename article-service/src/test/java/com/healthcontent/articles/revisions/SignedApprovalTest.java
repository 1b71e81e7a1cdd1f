package com.healthcontent.articles.revisions;

import static com.healthcontent.articles.ArticleApi.AUTHOR;
import static com.healthcontent.articles.ArticleApi.DR_RAO;
import static com.healthcontent.articles.ArticleApi.EDITOR;
import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.slugOf;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.provenance.PageCheck;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.nimbusds.jose.jwk.JWKSet;
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

/**
 * Anyone can check that an article as served is the version its reviewers approved: the platform's signed approval
 * record verifies under its published keys and binds the page's slug, revision and digest to who approved it.
 */
@ServiceIntegrationTest
class SignedApprovalTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    ArticleApi api;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
    }

    private PageCheck.Verdict check(String slug) throws Exception {
        JsonNode page = api.call(HttpMethod.GET, "/api/v1/articles/" + slug, null, null, 200);
        JsonNode approval = api.call(HttpMethod.GET, "/api/v1/articles/" + slug + "/approval", null, null, 200);
        JsonNode keys = api.call(HttpMethod.GET, approval.get("keys").asString(), null, null, 200);
        return new PageCheck(page, approval, JWKSet.parse(keys.toString()), "article").verify();
    }

    @Test
    void theLiveRevisionsRecordVerifiesAndNamesWhoApprovedIt() throws Exception {
        String title = uniqueTitle("Signed");
        String id = api.published(article(title, "[\"back pain\"]", "Back pain"));
        republishWith(
                id,
                article(title, "[\"back pain\"]", "Back pain")
                        .replace(
                                "Joints release gas [1].",
                                "Joints release gas & pop, < 1 s \\\"quoted\\\" Ünïcode [1]."));
        String slug = slugOf(title);

        PageCheck.Verdict verdict = check(slug);

        assertThat(verdict.findings())
                .allSatisfy(finding -> assertThat(finding.passed())
                        .as(finding.check() + ": " + finding.detail())
                        .isTrue());
        var record = verdict.record().orElseThrow();
        assertThat(record.revision()).isEqualTo(2);
        assertThat(record.slug()).isEqualTo(slug);
        assertThat(record.contentType()).isEqualTo("article");
        assertThat(record.reviewers()).singleElement().satisfies(reviewer -> {
            assertThat(reviewer.name()).isEqualTo("Dr. Priya Rao");
            assertThat(reviewer.approvedAt()).isNotNull();
        });
        JsonNode approval = api.call(HttpMethod.GET, "/api/v1/articles/" + slug + "/approval", null, null, 200);
        assertThat(approval.get("content").get("sections").get(0).get("body").asString())
                .isEqualTo("Joints release gas & pop, < 1 s \"quoted\" Ünïcode [1].");
        // public: no staff usernames, no review notes
        assertThat(approval.get("record").asString()).doesNotContain("dr.rao");
        assertThat(approval.toString()).doesNotContain("dr.rao").doesNotContain("notes");
        // signed once, at publication: the same record every time, kept with the archived version
        assertThat(mongoTemplate
                        .getCollection("revisions")
                        .find(new Document("_id", "ARTICLE:" + id + ":2"))
                        .first()
                        .getString("approvalRecord"))
                .isEqualTo(approval.get("record").asString());
    }

    @Test
    void theRecordIsRevalidatedLikeThePage() {
        String title = uniqueTitle("Cached");
        api.published(article(title, "[]", "Back pain"));
        String path = "/api/v1/articles/" + slugOf(title) + "/approval";

        HttpHeaders headers = api.client()
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders();
        assertThat(headers.getCacheControl()).isEqualTo("no-cache, public");
        api.client()
                .get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, headers.getETag())
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    /** Versions archived before records were signed get theirs when first asked, and keep it. */
    @Test
    void aVersionArchivedBeforeRecordsWereSignedIsSignedWhenFirstAskedFor() throws Exception {
        String title = uniqueTitle("Unsigned");
        String id = api.published(article(title, "[]", "Back pain"));
        Document archived = new Document("_id", "ARTICLE:" + id + ":1");
        mongoTemplate
                .getCollection("revisions")
                .updateOne(archived, new Document("$unset", new Document("approvalRecord", "")));

        assertThat(check(slugOf(title)).verified()).isTrue();
        String stored =
                mongoTemplate.getCollection("revisions").find(archived).first().getString("approvalRecord");
        assertThat(stored).isNotNull();
        assertThat(api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title) + "/approval", null, null, 200)
                        .get("record")
                        .asString())
                .isEqualTo(stored);
    }

    @Test
    void noRecordVouchesForAPageChangedBehindThePlatformsBack() {
        String title = uniqueTitle("Forged");
        String id = api.published(article(title, "[]", "Back pain"));
        ArticleApi.tamperWith(mongoTemplate, id);

        JsonNode refused = api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title) + "/approval", null, null, 503);
        assertThat(refused.get("detail").asString()).contains("integrity check");
    }

    @Test
    void onlyLiveArticlesHaveARecord() {
        api.call(HttpMethod.GET, "/api/v1/articles/no-such-article/approval", null, null, 404);
        String title = uniqueTitle("Withdrawn");
        String id = api.published(article(title, "[]", "Back pain"));
        api.call(
                HttpMethod.DELETE,
                "/api/v1/articles/" + id + "/publication",
                EDITOR,
                "{\"reason\": \"Superseded by newer guidance.\"}",
                200);
        api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title) + "/approval", null, null, 404);
    }

    private void republishWith(String id, String body) {
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
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/articles/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 200);
    }
}
