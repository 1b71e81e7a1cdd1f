package com.healthcontent.feedback.submission;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.Topics;
import com.healthcontent.feedback.AnotherInstance;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.messaging.consumer.IntegrationEventListeners;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.scheduling.TaskScheduler;

/**
 * Votes are accepted into Kafka faster than they can be stored; past a bound on what is waiting, a vote is answered
 * 503 with Retry-After (not accepted and left to wait for minutes), a report still goes through in its own lane, and
 * votes are accepted again once the intake has caught up. An instance of its own whose vote intake the test stops,
 * as a store that has fallen behind would hold it up.
 */
@ServiceIntegrationTest
class IntakeBehindTest {

    static final String SERVICE = "feedback-service-behind";

    @Autowired
    Environment environment;

    @Autowired
    PublishedContents contents;

    @Autowired
    IntakeBacklog backlog;

    @Autowired
    TaskScheduler sharedScheduler;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    /**
     * The service's scheduled work that reads MongoDB waits on the store under a load of votes; the backlog's figure
     * must not wait with it, or every vote accepted meanwhile counts against the bound and votes are refused while
     * the intake is idle.
     */
    @Test
    void theBacklogIsMeasuredWhileTheServicesOtherScheduledWorkIsHeldUp() throws InterruptedException {
        CountDownLatch heldUp = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        sharedScheduler.schedule(
                () -> {
                    heldUp.countDown();
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                Instant.now());
        try {
            heldUp.await();
            Instant since = Instant.now();
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            backlog.measuredAt() != null && backlog.measuredAt().isAfter(since));
            Instant measured = backlog.measuredAt();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> backlog.measuredAt().isAfter(measured));
        } finally {
            released.countDown();
        }
    }

    @Test
    void votesWaitWhileTheIntakeIsBehindAndReportsDoNot() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        try (ConfigurableApplicationContext instance = AnotherInstance.start(
                environment,
                "--spring.application.name=" + SERVICE,
                "--platform.feedback.max-intake-backlog=5",
                "--platform.feedback.max-intake-wait=1ms", // the bound is the count, however fast the intake
                "--platform.feedback.backlog-check-interval=100ms")) {
            FeedbackApi api = new FeedbackApi(AnotherInstance.port(instance));
            IntakeBacklog backlog = instance.getBean(IntakeBacklog.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> instance.getBean(PublishedContents.class)
                            .findLive(ContentType.ARTICLE, article)
                            .isPresent());
            // its intake has read what earlier tests left on the topic: measured so, not just not measured yet
            Instant started = Instant.now();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> backlog.measuredAt() != null
                            && backlog.measuredAt().isAfter(started)
                            && backlog.votes() == 0);

            ConcurrentMessageListenerContainer<Object, Object> intake = voteIntakeOf(instance);
            intake.stop();
            // A vote acknowledged while the broker is being asked counts twice for one measurement (on the safe
            // side), so the first refusal can come at the bound and votes be accepted again after the next one:
            // votes go on until the broker itself reports more waiting than the bound, from which on, with the
            // intake stopped, every vote waits.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.statusOf(newReader(), vote(article, true)) == 503 && backlog.measured() > 5);
            assertThat(backlog.votes()).isGreaterThan(5);
            api.expectComeBackLater(newReader(), vote(article, false), "1", "send your vote again");
            api.submit(newReader(), report(article, "OUTDATED", "The 2024 guideline replaced this"), 202);

            intake.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.statusOf(newReader(), vote(article, true)) == 202);
            // the vote just accepted counts until it is stored, so the bound alone says nothing here: all of it is
            // worked off, the votes that waited included
            await().atMost(Duration.ofSeconds(30)).until(() -> backlog.votes() == 0);
        }
    }

    private static ConcurrentMessageListenerContainer<Object, Object> voteIntakeOf(
            ConfigurableApplicationContext instance) {
        return instance.getBean(IntegrationEventListeners.class).containers().stream()
                .filter(container -> (SERVICE + "-" + FeedbackIntake.VOTES)
                        .equals(container.getContainerProperties().getGroupId()))
                .findFirst()
                .orElseThrow();
    }
}
