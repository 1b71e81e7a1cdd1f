package com.healthcontent.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.TopicProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay against a real broker and the wire-protocol MongoDB: what is saved goes out once, nothing waits, what the
 * broker refused goes out in order when it is back, and stopping sends what is left.
 */
class OutboxRelayTest {

    static final String TOPIC = "things.events";
    static final String COLLECTION = "things";

    EmbeddedKafkaKraftBroker broker;
    MongoServer mongoServer;
    MongoClient client;
    DefaultKafkaProducerFactory<String, byte[]> producers;
    OutboxRelay relay;
    /** Removals from the outboxes wait for this, as they did behind a MongoDB busy with a vote burst. */
    final CountDownLatch removalsMayGo = new CountDownLatch(1);

    final CountDownLatch removalWaiting = new CountDownLatch(1);
    MongoTemplate mongoTemplate;
    volatile boolean brokerDown;

    @BeforeEach
    void setUp() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC, Topics.ARTICLE_EVENTS);
        broker.afterPropertiesSet();
        mongoServer = new MongoServer(new MemoryBackend());
        var address = mongoServer.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongoTemplate = new MongoTemplate(client, "test") {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                removalWaiting.countDown();
                try {
                    removalsMayGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.bulkOps(mode, collectionName);
            }
        };
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(producers) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                return brokerDown
                        ? CompletableFuture.failedFuture(new TimeoutException("broker unreachable"))
                        : super.send(record);
            }
        };
        relay = new OutboxRelay(
                mongoTemplate, kafka, List.of(COLLECTION), Duration.ofMinutes(5), Duration.ofSeconds(10), 100);
        relay.start();
    }

    @AfterEach
    void tearDown() {
        removalsMayGo.countDown();
        relay.stop();
        producers.destroy();
        client.close();
        mongoServer.shutdownNow();
        broker.destroy();
    }

    @Test
    void anEventSavedWhileTheLastBatchIsStillBeingRemovedGoesOutWithoutWaitingForIt() throws InterruptedException {
        try (TopicProbe topic = TopicProbe.fromBeginning(broker.getBrokersAsString(), TOPIC)) {
            String first = save("vote-1");
            await().atMost(Duration.ofSeconds(15)).until(() -> sent(topic, first));
            // the first batch's removal starts after its acknowledgement, on the removal thread
            assertThat(removalWaiting.await(15, TimeUnit.SECONDS))
                    .as("the first batch's removal has started")
                    .isTrue();

            // its removal is held up; a report saved now must not wait for it
            String report = save("report-1");
            await().atMost(Duration.ofSeconds(15)).until(() -> sent(topic, report));
            assertThat(relay.backlog()).as("both still stored: removals wait").isEqualTo(2);

            removalsMayGo.countDown();
            await().atMost(Duration.ofSeconds(15)).until(() -> relay.backlog() == 0);
            assertThat(topic.events()).extracting(e -> e.id()).containsExactly(first, report);
        }
    }

    @Test
    void whatIsStoredGoesOutOnceOnDrainAndLeavesTheOutboxes() {
        removalsMayGo.countDown();
        try (TopicProbe topic = TopicProbe.fromBeginning(broker.getBrokersAsString(), TOPIC)) {
            String stored = store("left-by-a-crashed-instance");
            assertThat(relay.drain()).isEqualTo(1);
            assertThat(relay.backlog()).isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> sent(topic, stored));
            assertThat(relay.drain()).isZero();
        }
    }

    @Test
    void whatFailedToGoOutStaysStoredAndGoesOutInOrderOnceTheBrokerIsBack() {
        removalsMayGo.countDown();
        try (TopicProbe topic = TopicProbe.fromBeginning(broker.getBrokersAsString(), TOPIC)) {
            brokerDown = true;
            String first = save("article-1");
            String second = saveAnother("article-1");
            await().atMost(Duration.ofSeconds(15)).until(() -> relay.backlog() == 2);
            assertThat(topic.events()).isEmpty();

            // the fast path gave up; the next run scans what is stored, in each aggregate's order
            brokerDown = false;
            String third = save("article-2");
            await().atMost(Duration.ofSeconds(15)).until(() -> relay.backlog() == 0);
            // removed once the broker had them; the probe's consumer may read the last one a moment later
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(topic.events())
                            .extracting(e -> e.id())
                            .containsExactlyInAnyOrder(first, second, third));
            assertThat(topic.events())
                    .extracting(e -> e.id())
                    .filteredOn(id -> !id.equals(third))
                    .containsExactly(first, second);
        }
    }

    @Test
    void whatFailedToGoOutGoesOutOnceTheBrokerIsBackWithoutWaitingForAnotherSaveOrTheNextLook() {
        removalsMayGo.countDown();
        try (TopicProbe topic = TopicProbe.fromBeginning(broker.getBrokersAsString(), TOPIC)) {
            brokerDown = true;
            String published = save("article-published-during-the-outage");
            await().atMost(Duration.ofSeconds(15)).until(() -> relay.backlog() == 1);

            brokerDown = false; // no save after this, and the next periodic look is minutes away
            await().atMost(Duration.ofSeconds(20)).until(() -> sent(topic, published));
            await().atMost(Duration.ofSeconds(15)).until(() -> relay.backlog() == 0);
        }
    }

    @Test
    void stoppingSendsWhatTheLastRequestsLeftBehind() {
        removalsMayGo.countDown();
        try (TopicProbe topic = TopicProbe.fromBeginning(broker.getBrokersAsString(), TOPIC)) {
            String stored = store("saved-just-before-shutdown"); // not handed over: only a scan finds it
            relay.stop();
            assertThat(relay.backlog()).isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> sent(topic, stored));
        }
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    @PublishesEvents
    record Thing(@Id String id, String name, @Version Long version) {}

    @Test
    void newAggregatesSentStraightToTheBrokerLeaveNoOutboxAndAreKeptForTheRelayWhenItDoesNotTakeThem() {
        removalsMayGo.countDown();
        Outbox outbox = new Outbox(
                mongoTemplate,
                relay,
                event -> {},
                JsonMapper.builder().build(),
                "thing-service",
                Clock.systemUTC(),
                null,
                null);
        try (TopicProbe topic = TopicProbe.fromBeginning(broker.getBrokersAsString(), Topics.ARTICLE_EVENTS)) {
            assertThat(outbox.insertAllAndPublish(List.of(unpublished("thing-1"), unpublished("thing-2"))))
                    .isEmpty();
            assertThat(topic.events()).extracting(e -> e.id()).containsExactly("thing-1-gone", "thing-2-gone");
            assertThat(mongoTemplate.findById("thing-1", Document.class, COLLECTION))
                    .as("stored without an outbox: nothing for the relay to remove")
                    .doesNotContainKey(OutboxRelay.OUTBOX_FIELD)
                    .containsEntry("version", 0L);

            // the same events announced again (a poll delivered again after a crash) keep their ids
            outbox.publishAgain(List.of(unpublished("thing-1")));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> topic.events().stream()
                                    .filter(e -> e.id().equals("thing-1-gone"))
                                    .count()
                            == 2);

            brokerDown = true;
            assertThat(outbox.insertAllAndPublish(List.of(unpublished("thing-3"))))
                    .isEmpty();
            assertThat(relay.backlog()).as("kept in its outbox").isEqualTo(1);
            brokerDown = false;
            relay.drain();
            assertThat(relay.backlog()).isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> sent(topic, "thing-3-gone"));

            assertThatThrownBy(() -> outbox.insertAllAndPublish(List.of(Changed.of(
                            new Thing("thing-4", "no id of its own", null),
                            new IntegrationEvent(
                                    EventType.ARTICLE_UNPUBLISHED,
                                    "thing-4",
                                    "thing-4",
                                    new ArticleUnpublished("thing-4", "thing-4", "withdrawn", Instant.now()))))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(mongoTemplate.findById("thing-4", Document.class, COLLECTION))
                    .isNull();
        }
    }

    private static Changed<Thing> unpublished(String id) {
        return Changed.of(
                new Thing(id, "a " + id, null),
                new IntegrationEvent(
                                EventType.ARTICLE_UNPUBLISHED,
                                id,
                                id,
                                new ArticleUnpublished(id, id, "withdrawn", Instant.now()))
                        .withId(id + "-gone"));
    }

    /** A save as the services make it: the aggregate with its event in one write, the event handed to the relay. */
    private String save(String aggregateId) {
        String eventId = store(aggregateId);
        Document saved = mongoTemplate.findById(aggregateId, Document.class, COLLECTION);
        relay.enqueue(COLLECTION, aggregateId, saved.getList(OutboxRelay.OUTBOX_FIELD, Document.class));
        return eventId;
    }

    /** A second change of the same aggregate: its event joins the outbox behind the first. */
    private String saveAnother(String aggregateId) {
        Document event = outboxEntry(aggregateId);
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(aggregateId)),
                new Update().push(OutboxRelay.OUTBOX_FIELD, event),
                COLLECTION);
        relay.enqueue(COLLECTION, aggregateId, List.of(event));
        return event.getString("_id");
    }

    private String store(String aggregateId) {
        Document event = outboxEntry(aggregateId);
        mongoTemplate.insert(
                new Document("_id", aggregateId).append(OutboxRelay.OUTBOX_FIELD, List.of(event)), COLLECTION);
        return event.getString("_id");
    }

    private Document outboxEntry(String aggregateId) {
        OutboxEvent event = new OutboxEvent(
                UUID.randomUUID().toString(),
                TOPIC,
                aggregateId,
                "com.healthcontent.test.happened.v1",
                aggregateId,
                Instant.now(),
                "/test",
                "{}",
                Map.of());
        Document stored = new Document();
        mongoTemplate.getConverter().write(event, stored);
        return stored;
    }

    private static boolean sent(TopicProbe topic, String eventId) {
        return topic.events().stream().anyMatch(e -> e.id().equals(eventId));
    }
}
