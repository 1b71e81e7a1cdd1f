package com.healthcontent.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import tools.jackson.databind.json.JsonMapper;

/** A step's new state and its events stored in one write, the events still waiting kept, a stale step refused. */
class OutboxTest {

    @org.springframework.data.mongodb.core.mapping.Document("things")
    @PublishesEvents
    record Thing(
            @Id String id,
            String name,
            String note,
            @Version Long version) {}

    /** Fields kept at the top level of the document through an unwrapped part, as content keeps its workflow. */
    @org.springframework.data.mongodb.core.mapping.Document("plans")
    record Planned(
            @Id String id,
            @Unwrapped.Empty Plan plan,
            @Version Long version) {}

    record Plan(String step, String due) {}

    MongoServer mongoServer;
    MongoClient client;
    MongoTemplate mongoTemplate;
    final List<Object> published = new ArrayList<>();
    Outbox outbox;

    @BeforeEach
    void setUp() {
        mongoServer = new MongoServer(new MemoryBackend());
        var address = mongoServer.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongoTemplate = new MongoTemplate(client, "test");
        // not started: what it is handed waits in its queue, as the test reads the stored outbox itself
        OutboxRelay relay = new OutboxRelay(
                mongoTemplate, null, List.of("things"), Duration.ofMinutes(5), Duration.ofSeconds(10), 100);
        outbox = new Outbox(
                mongoTemplate,
                relay,
                published::add,
                JsonMapper.builder().build(),
                "thing-service",
                Clock.systemUTC(),
                null,
                null);
    }

    @AfterEach
    void tearDown() {
        client.close();
        mongoServer.shutdownNow();
    }

    @Test
    void aChangeIsStoredWithItsEventsBehindTheOnesStillWaiting() {
        Thing created = outbox.insert(Changed.of(new Thing("t1", "first", "a note", null), happened("t1", "made")));
        assertThat(created.version()).isZero();

        Thing changed =
                outbox.save(Changed.of(new Thing("t1", "second", null, created.version()), happened("t1", "renamed")));

        assertThat(changed).isEqualTo(new Thing("t1", "second", null, 1L));
        Document stored = mongoTemplate.findById("t1", Document.class, "things");
        assertThat(stored).doesNotContainKey("note"); // what the new state leaves out does not linger
        assertThat(stored.getList(OutboxRelay.OUTBOX_FIELD, Document.class))
                .extracting(event -> event.getString("data"))
                .containsExactly(
                        "{\"articleId\":\"t1\",\"slug\":\"t1\",\"reason\":\"made\",\"unpublishedAt\":"
                                + "\"2026-12-01T10:00:00Z\"}",
                        "{\"articleId\":\"t1\",\"slug\":\"t1\",\"reason\":\"renamed\",\"unpublishedAt\":"
                                + "\"2026-12-01T10:00:00Z\"}");
        assertThat(stored.getList(OutboxRelay.OUTBOX_FIELD, Document.class))
                .allSatisfy(event -> assertThat(event.getString("source")).isEqualTo("/thing-service"));
        assertThat(mongoTemplate.findById("t1", Thing.class)).isEqualTo(changed);
        assertThat(published).hasSize(2).allSatisfy(event -> assertThat(event).isInstanceOf(AfterSaveEvent.class));
    }

    @Test
    void whatAnUnwrappedPartLeavesOutDoesNotLingerEither() {
        Planned created = outbox.insert(Changed.of(new Planned("p1", new Plan("scheduled", "tomorrow"), null)));

        outbox.save(Changed.of(new Planned("p1", new Plan("cancelled", null), created.version())));

        Document stored = mongoTemplate.findById("p1", Document.class, "plans");
        assertThat(stored).containsEntry("step", "cancelled").doesNotContainKey("due");
    }

    @Test
    void aStepFromAStaleVersionStoresNothing() {
        Thing created = outbox.insert(Changed.of(new Thing("t1", "first", null, null)));
        outbox.save(Changed.of(new Thing("t1", "theirs", null, created.version())));

        assertThatThrownBy(() -> outbox.save(
                        Changed.of(new Thing("t1", "mine", null, created.version()), happened("t1", "mine"))))
                .isInstanceOf(OptimisticLockingFailureException.class);

        Document stored = mongoTemplate.findById("t1", Document.class, "things");
        assertThat(stored.getString("name")).isEqualTo("theirs");
        assertThat(stored.getList(OutboxRelay.OUTBOX_FIELD, Document.class)).isEmpty();
    }

    @Test
    void aSecondAggregateUnderATakenIdIsRefusedWithNothingStored() {
        outbox.insert(Changed.of(new Thing("t1", "first", null, null), happened("t1", "made")));

        assertThatThrownBy(
                        () -> outbox.insert(Changed.of(new Thing("t1", "again", null, null), happened("t1", "again"))))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(mongoTemplate
                        .findById("t1", Document.class, "things")
                        .getList(OutboxRelay.OUTBOX_FIELD, Document.class))
                .hasSize(1);
    }

    @Test
    void aBatchIsStoredInOneGoExceptTheOnesWhoseIdIsTaken() {
        outbox.insert(Changed.of(new Thing("t2", "first", null, null), happened("t2", "made")));

        List<Changed<Thing>> notStored = outbox.insertAll(List.of(
                Changed.of(new Thing("t1", "one", null, null), happened("t1", "one")),
                Changed.of(new Thing("t2", "taken", null, null), happened("t2", "taken")),
                Changed.of(new Thing("t3", "three", null, null), happened("t3", "three"))));

        assertThat(notStored).extracting(changed -> changed.aggregate().id()).containsExactly("t2");
        assertThat(mongoTemplate.findById("t1", Thing.class)).isEqualTo(new Thing("t1", "one", null, 0L));
        assertThat(mongoTemplate.findById("t3", Thing.class)).isEqualTo(new Thing("t3", "three", null, 0L));
        Document kept = mongoTemplate.findById("t2", Document.class, "things");
        assertThat(kept.getString("name")).isEqualTo("first");
        assertThat(kept.getList(OutboxRelay.OUTBOX_FIELD, Document.class))
                .extracting(event -> event.getString("data"))
                .singleElement()
                .asString()
                .contains("\"reason\":\"made\"");
        assertThat(mongoTemplate
                        .findById("t3", Document.class, "things")
                        .getList(OutboxRelay.OUTBOX_FIELD, Document.class))
                .hasSize(1);
        assertThat(outbox.insertAll(List.<Changed<Thing>>of())).isEmpty();
    }

    private static IntegrationEvent happened(String id, String what) {
        return new IntegrationEvent(
                EventType.ARTICLE_UNPUBLISHED,
                id,
                id,
                new ArticleUnpublished(id, id, what, Instant.parse("2026-12-01T10:00:00Z")));
    }
}
