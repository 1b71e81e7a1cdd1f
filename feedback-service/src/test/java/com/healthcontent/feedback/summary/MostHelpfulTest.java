package com.healthcontent.feedback.summary;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The reader site's "most helpful" list: live pages only, many mostly-helpful votes before a few unanimous ones, and
 * a clear 400 for a size out of bounds.
 */
@ServiceIntegrationTest
class MostHelpfulTest {

    @LocalServerPort
    int port;

    @Autowired
    PublishedContents contents;

    FeedbackApi api;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @BeforeEach
    void setUp() {
        api = new FeedbackApi(port);
    }

    @Test
    void manyMostlyHelpfulVotesRankAboveAFewUnanimousOnesAndWithdrawnPagesAreLeftOut() {
        String mostlyHelpful = votedOn(10, 0);
        String divided = votedOn(10, 4);
        String fewVotes = votedOn(2, 0);
        String withdrawn = votedOn(12, 0);
        articleEvents.publish(TestEvents.of(
                EventType.ARTICLE_UNPUBLISHED,
                withdrawn,
                new ArticleUnpublished(withdrawn, "slug", "withdrawn", Instant.now())));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> contents.findLive(ContentType.ARTICLE, withdrawn).isEmpty());
        Set<String> ours = Set.of(mostlyHelpful, divided, fewVotes, withdrawn);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> ranked = StreamSupport.stream(
                            mostHelpful("type=ARTICLE&size=20", 200)
                                    .get("items")
                                    .spliterator(),
                            false)
                    .filter(page -> ours.contains(page.get("id").asString()))
                    .toList();
            assertThat(ranked)
                    .extracting(page -> page.get("id").asString())
                    .containsExactly(mostlyHelpful, divided, fewVotes);
            JsonNode first = ranked.get(0);
            assertThat(first.get("helpful").asLong()).isEqualTo(10);
            assertThat(first.get("notHelpful").asLong()).isZero();
            assertThat(first.get("slug").asString()).startsWith("crack-your-back-");
            assertThat(first.get("title").asString()).isEqualTo("Is it good or bad to crack your back?");
        });
        assertThat(mostHelpful("type=ARTICLE&size=1", 200).get("items")).hasSize(1);
    }

    @Test
    void aSizeOutOfBoundsOrAnUnknownTypeIsAClearBadRequest() {
        assertThat(mostHelpful("type=ARTICLE&size=21", 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("size");
        assertThat(mostHelpful("type=ARTICLE&size=0", 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("size");
        mostHelpful("type=VIDEO", 400);
    }

    private JsonNode mostHelpful(String query, int expectedStatus) {
        return api.call(HttpMethod.GET, "/api/v1/feedback/summary/most-helpful?" + query, null, null, expectedStatus);
    }

    /** A published article with that many votes each way, each from another reader, once they are counted. */
    private String votedOn(int helpful, int notHelpful) {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        for (int i = 0; i < helpful + notHelpful; i++) {
            api.submit(newReader(), vote(article, i < helpful), 202);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode summary =
                    api.call(HttpMethod.GET, "/api/v1/feedback/summary?type=ARTICLE&id=" + article, null, null, 200);
            return summary.get("helpful").asLong() == helpful
                    && summary.get("notHelpful").asLong() == notHelpful;
        });
        return article;
    }
}
