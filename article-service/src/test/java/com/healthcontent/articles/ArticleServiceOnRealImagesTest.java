package com.healthcontent.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.articles.exercises.ExerciseSummaries;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.RealInfrastructureContainers;
import com.healthcontent.testsupport.RealInfrastructureTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The service against the production images (mongo, apache/kafka), through what matters: an exercise published on
 * the real broker reaches the read model an article's exercise block is checked against, and the article, reviewed
 * and published with that block, comes back as an event read from the real broker and is served to readers. Skipped
 * where there is no Docker engine.
 */
@RealInfrastructureTest
class ArticleServiceOnRealImagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ExerciseSummaries summaries;

    @Test
    void anArticleWithAnExerciseFromTheRealBrokerIsPublishedThroughIt() {
        String brokers = RealInfrastructureContainers.KAFKA.getBootstrapServers();
        ArticleApi api = new ArticleApi(port);
        try (TopicProbe exerciseEvents = TopicProbe.open(brokers, Topics.EXERCISE_EVENTS);
                TopicProbe articleEvents = TopicProbe.open(brokers, Topics.ARTICLE_EVENTS)) {
            String exerciseId = ArticleApi.publishedExercise(exerciseEvents, summaries, "knees-to-chest-real");
            String title = ArticleApi.uniqueTitle("Stretches on real images");
            String id = api.published("""
                    {"title": "%s", "summary": "What to know.", "tags": ["back pain"],
                     "sections": [{"type": "TEXT", "body": "Joints release gas [1]."},
                                  {"type": "EXERCISE", "exerciseId": "%s"}],
                     "references": [{"number": 1, "title": "Joint cavitation", "doi": "10.1371/journal.pone.0119470"}]}
                    """.formatted(title, exerciseId));

            EventEnvelope published = articleEvents.awaitEvent(
                    event -> event.type().equals(EventType.ARTICLE_PUBLISHED.ceType()) && id.equals(event.key()));
            assertThat(TestEvents.dataOf(published)).contains(exerciseId);
            assertThat(api.call(HttpMethod.GET, "/api/v1/articles/" + ArticleApi.slugOf(title), null, null, 200)
                            .get("title")
                            .asString())
                    .isEqualTo(title);
        }
    }
}
