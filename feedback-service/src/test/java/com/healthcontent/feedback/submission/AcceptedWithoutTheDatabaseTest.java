package com.healthcontent.feedback.submission;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.Topics;
import com.healthcontent.feedback.AnotherInstance;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readers' answers need no database to be accepted: an instance whose MongoDB is gone stays ready and still answers
 * 202 for content it knows, and stores the answer once a database answers again. Its own database and consumer groups, so that no
 * other instance stores the answer meanwhile.
 */
@ServiceIntegrationTest
class AcceptedWithoutTheDatabaseTest {

    @Autowired
    Environment environment;

    @Autowired
    PublishedContents contents;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    private static int readiness(int port) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aReportIsAcceptedWhileTheDatabaseIsAwayAndStoredWhenItIsBack() throws Exception {
        MongoServer database = new MongoServer(new MemoryBackend());
        database.bind("127.0.0.1", 0);
        InetSocketAddress address = database.getLocalAddress();
        try (ConfigurableApplicationContext instance = AnotherInstance.start(
                environment,
                "--spring.application.name=feedback-service-alone",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort()
                        + "/alone?serverSelectionTimeoutMS=20000")) {
            String article = FeedbackApi.publishedArticle(articleEvents, contents);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> instance.getBean(PublishedContents.class)
                            .findLive(ContentType.ARTICLE, article)
                            .isPresent());
            database.shutdownNow();

            FeedbackApi api = new FeedbackApi(AnotherInstance.port(instance));
            long started = System.nanoTime();
            String id = api.submit(newReader(), report(article, "OUTDATED", "Replaced by the 2024 guideline"), 202)
                    .get("id")
                    .asString();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(readiness(AnotherInstance.port(instance)))
                    .as("still ready: the gateway keeps sending it readers' answers")
                    .isEqualTo(200);

            MongoServer back = new MongoServer(new MemoryBackend());
            back.bind("127.0.0.1", address.getPort());
            try {
                MongoTemplate store = instance.getBean(MongoTemplate.class);
                await().atMost(Duration.ofSeconds(40)).until(() -> store.findById(id, Feedback.class) != null);
                Feedback stored = store.findById(id, Feedback.class);
                assertThat(stored.reason()).isEqualTo(ProblemReason.OUTDATED);
                assertThat(stored.comment()).isEqualTo("Replaced by the 2024 guideline");
                assertThat(stored.targetId()).isEqualTo(article);
            } finally {
                back.shutdownNow();
            }
        } finally {
            database.shutdownNow();
        }
    }
}
