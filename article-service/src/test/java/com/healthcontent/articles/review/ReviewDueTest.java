package com.healthcontent.articles.review;

import static com.healthcontent.articles.ArticleApi.AUTHOR;
import static com.healthcontent.articles.ArticleApi.EDITOR;
import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.slugOf;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.articles.article.Articles;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Periodic review (due a second after approval in tests) and the If-Match rule for content updates. */
@ServiceIntegrationTest
class ReviewDueTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    Articles articles;

    @Test
    void anArticleWhoseReviewFellDueGoesBackToReviewStaysLiveAndTellsTheReviewers() {
        ArticleApi api = new ArticleApi(port);
        try (TopicProbe articleEvents = TopicProbe.open(brokers, Topics.ARTICLE_EVENTS)) {
            String title = uniqueTitle("Due");
            String id = api.published(article(title, "[]", "Back pain"));

            await().atMost(Duration.ofSeconds(15)).until(() -> {
                articles.markDueForReview();
                return api.call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200)
                        .get("status")
                        .asString()
                        .equals("NEEDS_REVIEW");
            });
            api.call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title), null, null, 200);
            EventEnvelope due = articleEvents.awaitEvent(
                    e -> e.key().equals(id) && e.type().equals(EventType.ARTICLE_REVIEW_DUE.ceType()));
            assertThat(TestEvents.dataOf(due)).contains("\"medicalReviewers\":[\"dr.rao\"]");

            // Running the check again (another instance, the next hour) changes nothing more.
            articles.markDueForReview();
            assertThat(api
                            .call(HttpMethod.GET, "/api/v1/articles/drafts/" + id, EDITOR, null, 200)
                            .get("history")
                            .findValuesAsString("action")
                            .stream()
                            .filter("needs review"::equals))
                    .hasSize(1);

            // Back through review: submit, approve, republish as revision 2.
            api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        }
    }

    @Test
    void contentUpdatesNeedTheCurrentETag() {
        ArticleApi api = new ArticleApi(port);
        String title = uniqueTitle("Etag");
        String id = api.draft(article(title, "[]", "Back pain"));
        String etag = api.etagOf(id);
        put(api, id, null, title, 428);
        put(api, id, etag, title, 200);
        put(api, id, etag, title, 412);
    }

    private static void put(ArticleApi api, String id, String ifMatch, String title, int expected) {
        var request = api.client()
                .put()
                .uri("/api/v1/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(article(title, "[]", "Back pain"));
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        request.exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectHeader()
                .contentType(expected == 200 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
    }
}
