package com.healthcontent.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.messaging.CloudEventRecords;
import com.healthcontent.testsupport.TestEvents;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

/** A poll's records handled together: each event once, in order, a failure stopping the batch where it happened. */
class IntegrationEventDispatcherTest {

    static final String GROUP = "test-service";
    static final Duration RETENTION = Duration.ofDays(8);

    MongoServer mongoServer;
    MongoClient client;
    ProcessedEvents processedEvents;
    final List<String> handled = new ArrayList<>();
    String failOn;

    @BeforeEach
    void setUp() {
        mongoServer = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + hostAndPort(mongoServer));
        processedEvents = new ProcessedEvents(new MongoTemplate(client, "test"), Clock.systemUTC(), RETENTION);
    }

    @AfterEach
    void tearDown() {
        client.close();
        mongoServer.shutdownNow();
    }

    @Test
    void handledIdsAreKeptForTheRetentionAndForgottenAfterIt() {
        EventEnvelope recorded = unpublished("a1");
        String old = recorded.id();
        processedEvents.record(GROUP, List.of(recorded));
        MongoTemplate mongoTemplate = new MongoTemplate(client, "test");
        new ProcessedEvents(mongoTemplate, Clock.offset(Clock.systemUTC(), RETENTION.minusHours(1)), RETENTION)
                .forgetExpired();
        assertThat(processedEvents.handledAmong(GROUP, List.of(old))).containsExactly(old);
        new ProcessedEvents(mongoTemplate, Clock.offset(Clock.systemUTC(), RETENTION.plusHours(1)), RETENTION)
                .forgetExpired();
        assertThat(processedEvents.handledAmong(GROUP, List.of(old))).isEmpty();
    }

    @Test
    void eachEventOfABatchIsHandledOnceInOrderAndRecorded() {
        EventEnvelope first = unpublished("a1");
        EventEnvelope second = unpublished("a2");
        EventEnvelope handledEarlier = unpublished("a3");
        processedEvents.record(GROUP, List.of(handledEarlier));

        dispatcher().onMessage(records(first, second, first, handledEarlier));

        assertThat(handled).containsExactly("a1", "a2");
        assertThat(processedEvents.handledAmong(GROUP, List.of(first.id(), second.id(), handledEarlier.id())))
                .containsExactlyInAnyOrder(first.id(), second.id(), handledEarlier.id());
    }

    @Test
    void aFailureStopsTheBatchThereAndTheEventsBeforeItStayHandled() {
        EventEnvelope before = unpublished("a1");
        EventEnvelope failing = unpublished("a2");
        EventEnvelope after = unpublished("a3");
        failOn = "a2";

        assertThatThrownBy(() -> dispatcher().onMessage(records(before, failing, after)))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(handled).containsExactly("a1");
        assertThat(processedEvents.handledAmong(GROUP, List.of(before.id(), failing.id(), after.id())))
                .isEqualTo(Set.of(before.id()));

        // the error handler delivers the failed record and the rest again; the first is not handled twice
        failOn = null;
        dispatcher().onMessage(records(before, failing, after));
        assertThat(handled).containsExactly("a1", "a2", "a3");
    }

    @Test
    void aRecordThatIsNotACloudEventFailsAtItsIndexAfterTheOnesBeforeItAreRecorded() {
        EventEnvelope before = unpublished("a1");
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records(before));
        batch.add(new ConsumerRecord<>("article.events", 0, 1, "a2", "not an event".getBytes()));

        assertThatThrownBy(() -> dispatcher().onMessage(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
                });
        assertThat(processedEvents.handledAmong(GROUP, List.of(before.id()))).containsExactly(before.id());
    }

    @Test
    void eventsAHandlerDoesNotWantLeaveNoTraceInItsGroup() {
        EventEnvelope wanted = unpublished("report-1");
        EventEnvelope passedOver = unpublished("vote-1");
        class ReportsOnly {
            @EventHandler(value = EventType.ARTICLE_UNPUBLISHED, condition = "articleId().startsWith('report')")
            void on(ArticleUnpublished event) {
                handled.add(event.articleId());
            }
        }

        dispatcher(new ReportsOnly()).onMessage(records(passedOver, wanted, passedOver));

        assertThat(handled).containsExactly("report-1");
        assertThat(processedEvents.handledAmong(GROUP, List.of(wanted.id(), passedOver.id())))
                .containsExactly(wanted.id());
    }

    @Test
    void aHandlerThatToleratesRepeatsLeavesNoRecordsAndGetsARedeliveredEventAgain() {
        class Signal {
            @EventHandler(value = EventType.ARTICLE_UNPUBLISHED, deduplicated = false)
            void on(ArticleUnpublished event) {
                handled.add(event.articleId());
            }
        }
        Signal signal = new Signal();
        EventEnvelope event = unpublished("a1");

        dispatcher(signal).onMessage(records(event));
        dispatcher(signal).onMessage(records(event));

        assertThat(handled).containsExactly("a1", "a1");
        assertThat(processedEvents.handledAmong(GROUP, List.of(event.id()))).isEmpty();
    }

    @Test
    void whatAHandlerGathersIsWrittenOncePerPollBeforeThePollIsRecorded() {
        List<List<String>> writes = new ArrayList<>();
        Map<String, String> eventIds = new HashMap<>();
        class Gatherer {
            final List<String> gathering = new ArrayList<>();

            @EventHandler(EventType.ARTICLE_UNPUBLISHED)
            void gather(ArticleUnpublished event, EventPosition position) {
                if (event.articleId().equals(failOn)) {
                    throw new IllegalStateException("MongoDB went away");
                }
                gathering.add(event.articleId() + "@" + position.offset());
            }

            @EndOfPoll
            void write() {
                // the events of this poll are not recorded yet: a crash here gets them all again
                assertThat(processedEvents.handledAmong(
                                GROUP,
                                gathering.stream()
                                        .map(g -> eventIds.get(g.substring(0, g.indexOf('@'))))
                                        .toList()))
                        .isEmpty();
                writes.add(List.copyOf(gathering));
                gathering.clear();
            }
        }
        Gatherer gatherer = new Gatherer();
        EventEnvelope first = unpublished("a1");
        EventEnvelope second = unpublished("a2");
        EventEnvelope third = unpublished("a3");
        EventEnvelope fourth = unpublished("a4");
        EventEnvelope fifth = unpublished("a5");
        for (EventEnvelope event : List.of(first, second, third, fourth, fifth)) {
            eventIds.put(event.subject(), event.id());
        }

        dispatcher(gatherer).onMessage(records(first, second));
        assertThat(writes).containsExactly(List.of("a1@0", "a2@1"));
        assertThat(processedEvents.handledAmong(GROUP, List.of(first.id(), second.id())))
                .hasSize(2);

        // a failure mid-poll: what the events before it gathered is written and they are recorded, the rest not
        failOn = "a3";
        assertThatThrownBy(() -> dispatcher(gatherer).onMessage(records(fourth, third, fifth)))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(writes).containsExactly(List.of("a1@0", "a2@1"), List.of("a4@0"));
        assertThat(processedEvents.handledAmong(GROUP, List.of(fourth.id(), third.id(), fifth.id())))
                .containsExactly(fourth.id());
    }

    @Test
    void oneMethodHandlesSeveralTypesAndGetsTheEnvelopeItAsksFor() {
        List<String> seen = new ArrayList<>();
        class Catalogue {
            @EventHandler({EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_UNPUBLISHED})
            void on(Object article, EventEnvelope envelope) {
                seen.add(envelope.type());
            }
        }
        EventEnvelope published = TestEvents.of(
                EventType.ARTICLE_PUBLISHED,
                "a1",
                new ArticlePublished(
                        "a1",
                        "a1-slug",
                        "Title",
                        "Summary",
                        List.of(),
                        "author",
                        List.of("dr.rao"),
                        List.of(),
                        Instant.now(),
                        1));

        dispatcher(new Catalogue()).onMessage(records(published, unpublished("a1")));

        assertThat(seen).containsExactly(EventType.ARTICLE_PUBLISHED.ceType(), EventType.ARTICLE_UNPUBLISHED.ceType());
    }

    @Test
    void aHandlerThatCannotTakeItsEventsStopsTheServiceFromStarting() {
        class WrongData {
            @EventHandler(EventType.ARTICLE_PUBLISHED)
            void on(ArticleUnpublished article) {}
        }
        class UnknownParameter {
            @EventHandler(EventType.ARTICLE_UNPUBLISHED)
            void on(ArticleUnpublished article, String what) {}
        }

        assertThatThrownBy(() -> handlersOf(new WrongData()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WrongData.on handles ARTICLE_PUBLISHED, whose data is a ArticlePublished");
        assertThatThrownBy(() -> handlersOf(new UnknownParameter()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a String");
    }

    private static List<IntegrationEventHandler<?>> handlersOf(Object bean) {
        EventHandlerMethods methods = new EventHandlerMethods();
        methods.postProcessAfterInitialization(bean, "bean");
        return methods.handlers();
    }

    private IntegrationEventDispatcher dispatcher(Object bean) {
        return new IntegrationEventDispatcher(
                GROUP,
                true,
                handlersOf(bean),
                processedEvents,
                JsonMapper.builder().build(),
                new SimpleMeterRegistry(),
                ObservationRegistry.NOOP);
    }

    private IntegrationEventDispatcher dispatcher() {
        class Unpublications {
            @EventHandler(EventType.ARTICLE_UNPUBLISHED)
            void on(ArticleUnpublished event) {
                if (event.articleId().equals(failOn)) {
                    throw new IllegalStateException("MongoDB went away");
                }
                handled.add(event.articleId());
            }
        }
        return dispatcher(new Unpublications());
    }

    private static EventEnvelope unpublished(String articleId) {
        return TestEvents.of(
                EventType.ARTICLE_UNPUBLISHED,
                articleId,
                new ArticleUnpublished(articleId, articleId + "-slug", "retired", Instant.now()));
    }

    private static List<ConsumerRecord<String, byte[]>> records(EventEnvelope... events) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (EventEnvelope event : events) {
            ProducerRecord<String, byte[]> sent = CloudEventRecords.toRecord(event);
            records.add(new ConsumerRecord<>(
                    sent.topic(),
                    0,
                    records.size(),
                    0L,
                    TimestampType.CREATE_TIME,
                    -1,
                    -1,
                    sent.key(),
                    sent.value(),
                    sent.headers(),
                    java.util.Optional.empty()));
        }
        return records;
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }
}
