package com.healthcontent.articles.search;

import static com.healthcontent.articles.ArticleApi.EDITOR;
import static com.healthcontent.articles.ArticleApi.slugOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Readers find live articles by their words, the platform's synonyms and facets; never a draft, and never an
 * article after it was unpublished. What another instance publishes reaches this one's index by the article events.
 */
@ServiceIntegrationTest
class ArticleSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    ArticleApi api;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
    }

    /** A made-up word only this test's article contains (letters only, so that it is a word to the index). */
    private static String uniqueWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zyx");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String article(String title, String word, String tag) {
        return """
                {"title": "%s", "summary": "A slipped disc and the %s method.", "tags": ["%s"],
                 "categories": ["Back pain"], "audience": "PATIENT",
                 "sections": [{"type": "TEXT", "heading": "Stretching", "body": "Gentle stretches help [1]."}],
                 "references": [{"number": 1, "title": "Joint cavitation", "doi": "10.1371/journal.pone.0119470"}]}
                """.formatted(title, word, tag);
    }

    private JsonNode search(String query) {
        return api.call(HttpMethod.GET, "/api/v1/search/articles?" + query, null, null, 200);
    }

    private List<String> slugs(String query) {
        return search(query).get("items").findValuesAsString("slug");
    }

    @Test
    void aLiveArticleIsFoundByItsWordsSynonymsAndFacetsADraftIsNot() {
        String word = uniqueWord();
        String title = "Herniated disc care " + word;
        String draftTitle = "Herniated disc draft " + word;
        api.draft(article(draftTitle, word, "disc"));
        String id = api.published(article(title, word, "disc"));

        assertThat(slugs("q=" + word)).containsExactly(slugOf(title));
        // the synonym list: a reader's "slipped disc" is the clinicians' "herniated disc"
        JsonNode found = search("q=slipped+disc+" + word);
        assertThat(found.get("items").get(0).get("slug").asString()).isEqualTo(slugOf(title));
        // passages of the text, with the words found marked
        assertThat(search("q=stretching+" + word)
                        .get("items")
                        .get(0)
                        .get("highlights")
                        .toString())
                .contains("<mark>stretches</mark>");
        assertThat(found.get("facets").get("tag").findValuesAsString("value")).contains("disc");
        assertThat(slugs("q=" + word + "&tag=disc&audience=PATIENT&type=article"))
                .containsExactly(slugOf(title));
        assertThat(slugs("q=" + word + "&tag=other")).isEmpty();
        // the list's q finds what search finds
        assertThat(api.call(HttpMethod.GET, "/api/v1/articles?q=" + word, null, null, 200)
                        .get("items")
                        .findValuesAsString("slug"))
                .containsExactly(slugOf(title));
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/articles/suggest?q=herniated+disc+car", null, null, 200)
                        .findValuesAsString("slug"))
                .contains(slugOf(title));

        api.call(
                HttpMethod.DELETE,
                "/api/v1/articles/" + id + "/publication",
                EDITOR,
                "{\"reason\": \"Being revised\"}",
                200);
        assertThat(slugs("q=" + word)).isEmpty();
    }

    @Test
    void whatAnotherInstancePublishedIsIndexedFromItsEvent() {
        String word = uniqueWord();
        String title = "Sciatica guide " + word;
        String id = api.published(article(title, word, "nerve"));
        EventEnvelope published =
                articleEvents.awaitEvent(event -> event.type().equals(EventType.ARTICLE_PUBLISHED.ceType())
                        && TestEvents.dataOf(event).contains(id));
        // another instance's change: in the database, without this instance's save listener hearing of it
        String renamed = uniqueWord();
        mongoTemplate
                .getCollection("articles")
                .updateOne(
                        new Document("_id", id),
                        new Document("$set", new Document("live.content.title", "Sciatica guide " + renamed)));
        assertThat(slugs("q=" + renamed)).isEmpty();

        articleEvents.publish(published);
        await().atMost(Duration.ofSeconds(15)).until(() -> slugs("q=" + renamed).contains(slugOf(title)));
    }

    @Test
    void badSearchesAreRefusedNamingTheParameter() {
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/articles", null, null, 400)
                        .toString())
                .contains("\"field\":\"q\"");
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/articles?q=" + "a".repeat(201), null, null, 400)
                        .toString())
                .contains("\"field\":\"q\"");
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/articles?q=back&colour=red", null, null, 400)
                        .toString())
                .contains("\"field\":\"colour\"");
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/articles?q=back&page=x", null, null, 400)
                        .toString())
                .contains("\"field\":\"page\"");
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/articles/suggest?size=50", null, null, 400)
                        .toString())
                .contains("\"field\":\"q\"", "\"field\":\"size\"");
        // query syntax is just words here
        assertThat(search("q=%22slipped*+disc~+(AND").get("total").asLong()).isNotNegative();
    }
}
