package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's store, with its indexes ordered by value and its documents kept as BSON: what a store written by
 * the library's own backend holds is found again by id and by unique key, a taken key is still refused, every kind of
 * value comes back as it was written, and all of it survives a restart.
 */
class LocalStackH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aStoreWrittenBeforeKeepsItsDocumentsAndUniqueKeysAcrossRestarts() {
        String file = dir.resolve("platform").toString();
        withServer(new H2Backend(file), votes -> {
            votes.createIndex(Indexes.ascending("voteKey"), new IndexOptions().unique(true));
            List<Document> stored = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                stored.add(new Document("_id", "vote-" + i)
                        .append("voteKey", "key-" + i)
                        .append("n", i));
            }
            votes.insertMany(stored);
        });

        for (int start = 0; start < 2; start++) {
            MVStore store = MVStore.open(file);
            withServer(new LocalStackH2Backend(store), votes -> {
                assertThat(votes.countDocuments()).isEqualTo(500);
                assertThat(votes.find(Filters.eq("_id", "vote-137")).first()).containsEntry("n", 137);
                assertThat(votes.find(Filters.eq("voteKey", "key-402")).first()).containsEntry("n", 402);
                assertThat(votes.find(Filters.in("_id", "vote-3", "vote-499", "vote-none")))
                        .extracting(doc -> doc.get("n"))
                        .containsExactlyInAnyOrder(3, 499);
                assertRefusedAsDuplicate(() -> votes.insertOne(new Document("_id", "vote-7").append("voteKey", "new")));
                assertRefusedAsDuplicate(
                        () -> votes.insertOne(new Document("_id", "vote-new").append("voteKey", "key-7")));
                assertThat(store.getMapNames())
                        .as("the library's own index maps are gone, the BSON ones kept")
                        .noneMatch(name -> name.contains("._index_"))
                        .anyMatch(name -> name.endsWith("._unique_voteKey_1"));
                assertThat(store.getMapNames())
                        .as("the documents moved from the library's serialized map to the BSON one")
                        .doesNotContain("databases.platform.votes")
                        .contains("platform.votes._documents");
            });
        }
    }

    @Test
    void everyKindOfValueComesBackAsWrittenAfterUpdatesAndRestarts() {
        String file = dir.resolve("platform").toString();
        Document written = new Document("_id", "feedback-1")
                .append("helpful", false)
                .append("count", 7)
                .append("total", 12_345_678_901L)
                .append("share", 0.25)
                .append("exact", new Decimal128(new BigDecimal("12.50")))
                .append("at", new Date(1_764_979_200_000L))
                .append("none", null)
                .append("reader", new ObjectId("65a1b2c3d4e5f6a7b8c9d0e1"))
                .append("hash", new Binary(new byte[] {1, 2, 3, (byte) 0xff}))
                .append("comment", "Stiff after 20 min — \"ça va\" 👍")
                .append("flags", List.of("LINK", "CAPS"))
                .append("days", new Document("2026-12-05", new Document("helpful", 3).append("notHelpful", 1)));
        withServer(new LocalStackH2Backend(MVStore.open(file)), feedback -> {
            feedback.insertOne(written);
            feedback.insertOne(new Document("_id", "feedback-2").append("count", 1));
            feedback.updateOne(Filters.eq("_id", "feedback-1"), Updates.inc("days.2026-12-05.helpful", 1));
            feedback.deleteOne(Filters.eq("_id", "feedback-2"));
        });
        Document expected = new Document(written);
        expected.get("days", Document.class).get("2026-12-05", Document.class).put("helpful", 4);

        for (int start = 0; start < 2; start++) {
            withServer(new LocalStackH2Backend(MVStore.open(file)), feedback -> {
                assertThat(feedback.find().into(new ArrayList<>())).containsExactly(expected);
                assertThat(feedback.find(Filters.eq("comment", written.get("comment")))
                                .first())
                        .isEqualTo(expected);
            });
        }
    }

    @Test
    void idsOfEveryKindAreFoundAgainAndStayUnique() {
        String file = dir.resolve("platform").toString();
        List<Object> ids =
                List.of(new ObjectId("65a1b2c3d4e5f6a7b8c9d0e1"), "65a1b2c3d4e5f6a7b8c9d0e1", 42, 7.5, false);
        withServer(new LocalStackH2Backend(MVStore.open(file)), votes -> {
            ids.forEach(id -> votes.insertOne(
                    new Document("_id", id).append("kind", id.getClass().getSimpleName())));
            assertRefusedAsDuplicate(() -> votes.insertOne(new Document("_id", 42L)));
        });
        withServer(new LocalStackH2Backend(MVStore.open(file)), votes -> {
            for (Object id : ids) {
                assertThat(votes.find(Filters.eq("_id", id)).into(new ArrayList<>()))
                        .extracting(found -> found.get("kind"))
                        .containsExactly(id.getClass().getSimpleName());
            }
            assertRefusedAsDuplicate(
                    () -> votes.insertOne(new Document("_id", new ObjectId("65a1b2c3d4e5f6a7b8c9d0e1"))));
        });
    }

    @Test
    void aRenamedCollectionTakesItsDocumentsAndADroppedOneLeavesNothingBehind() {
        String file = dir.resolve("platform").toString();
        withDatabase(new LocalStackH2Backend(MVStore.open(file)), platform -> {
            platform.getCollection("votes").insertOne(new Document("_id", "vote-1"));
            platform.getCollection("votes").renameCollection(new MongoNamespace("platform", "votes_before"));
        });
        MVStore store = MVStore.open(file);
        withDatabase(new LocalStackH2Backend(store), platform -> {
            assertThat(platform.getCollection("votes").countDocuments()).isZero();
            assertThat(platform.getCollection("votes_before").find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "vote-1"));
            platform.getCollection("votes_before").drop();
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("votes_before"));
        });
        withDatabase(
                new LocalStackH2Backend(MVStore.open(file)),
                platform -> assertThat(platform.getCollection("votes_before").countDocuments())
                        .isZero());
    }

    @Test
    void keysAreOrderedByTheirValuesAsMongoDbOrdersThem() {
        IndexKeys keys = IndexKeys.INSTANCE;
        assertThat(keys.compare(new KeyValue(2), new KeyValue(10))).isNegative();
        assertThat(keys.compare(new KeyValue(2), new KeyValue(2.0))).isZero();
        assertThat(keys.compare(new KeyValue("b"), new KeyValue("a"))).isPositive();
        assertThat(keys.compare(new KeyValue("a", 1), new KeyValue("a", 2))).isNegative();
        assertThat(keys.compare(new KeyValue("a"), new KeyValue("a", 2))).isNegative();
    }

    @Test
    void idsAndKeysOfOneKindAreOrderedExactlyAsTheLibraryOrdersThem() {
        Random random = new Random(6);
        List<Object> values = new ArrayList<>(List.of("", "a", "ab", "b", "B", "é", "\uD83D\uDE00", "z".repeat(40)));
        for (int i = 0; i < 200; i++) {
            values.add(new de.bwaldvogel.mongo.bson.ObjectId());
            values.add(Integer.toHexString(random.nextInt()) + (char) random.nextInt(0x3000));
        }
        values.addAll(List.of(7, 7.5, 12_345_678_901L, true, Missing.getInstance()));
        ValueComparator library = ValueComparator.asc();
        for (Object left : values) {
            for (Object right : values) {
                assertThat(Integer.signum(BsonValues.INSTANCE.compare(left, right)))
                        .as("%s against %s", left, right)
                        .isEqualTo(Integer.signum(library.compare(left, right)));
            }
        }
    }

    @Test
    void keysAreStoredAsTheyWereOneByOneAndAsAPage() {
        List<KeyValue> keys = List.of(
                new KeyValue("vote-1"),
                new KeyValue("feedback", 3, 12_345_678_901L, 0.5),
                new KeyValue(Missing.getInstance(), (Object) null),
                new KeyValue(new de.bwaldvogel.mongo.bson.ObjectId(), true, List.of("a", 1)),
                new KeyValue(new de.bwaldvogel.mongo.bson.Document("day", "2026-12-05")));
        WriteBuffer out = new WriteBuffer();
        keys.forEach(key -> IndexKeys.INSTANCE.write(out, key));
        IndexKeys.INSTANCE.write(out, keys.toArray(), keys.size()); // as a page is written
        ByteBuffer in = out.getBuffer().flip();
        for (KeyValue key : keys) {
            assertThat(IndexKeys.INSTANCE.read(in)).isEqualTo(key);
        }
        KeyValue[] page = new KeyValue[keys.size()];
        IndexKeys.INSTANCE.read(in, page, page.length); // as a page is read
        assertThat(page).containsExactlyElementsOf(keys);
        assertThat(in.hasRemaining()).isFalse();
    }

    private static void assertRefusedAsDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run)
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        refused -> assertThat(ErrorCategory.fromErrorCode(refused.getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static void withServer(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        withDatabase(backend, platform -> work.accept(platform.getCollection("votes")));
    }

    private static void withDatabase(H2Backend backend, Consumer<MongoDatabase> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        Function<InetSocketAddress, String> uri = a -> "mongodb://" + a.getHostString() + ":" + a.getPort();
        try (MongoClient client = MongoClients.create(uri.apply(address))) {
            work.accept(client.getDatabase("platform"));
        } finally {
            server.shutdown();
        }
    }
}
