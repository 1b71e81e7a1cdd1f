package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's store, with its indexes ordered by value: what a store written by the library's own backend holds
 * is found again by id and by unique key, a taken key is still refused, and all of it survives a restart.
 */
class ValueOrderedH2BackendTest {

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
            withServer(new ValueOrderedH2Backend(store), votes -> {
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
                        .as("the library's own index maps are gone, the value-ordered ones kept")
                        .noneMatch(name -> name.contains("._index_"))
                        .anyMatch(name -> name.endsWith("._value_ordered_index_voteKey_1"));
            });
        }
    }

    @Test
    void keysAreOrderedByTheirValuesAsMongoDbOrdersThem() {
        ValueOrderedH2Backend.ValueOrderedKeys keys = new ValueOrderedH2Backend.ValueOrderedKeys();
        assertThat(keys.compare(new KeyValue(2), new KeyValue(10))).isNegative();
        assertThat(keys.compare(new KeyValue(2), new KeyValue(2.0))).isZero();
        assertThat(keys.compare(new KeyValue("b"), new KeyValue("a"))).isPositive();
        assertThat(keys.compare(new KeyValue("a", 1), new KeyValue("a", 2))).isNegative();
        assertThat(keys.compare(new KeyValue("a"), new KeyValue("a", 2))).isNegative();
    }

    private static void assertRefusedAsDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run)
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        refused -> assertThat(ErrorCategory.fromErrorCode(refused.getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static void withServer(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        Function<InetSocketAddress, String> uri = a -> "mongodb://" + a.getHostString() + ":" + a.getPort();
        try (MongoClient client = MongoClients.create(uri.apply(address))) {
            work.accept(client.getDatabase("platform").getCollection("votes"));
        } finally {
            server.shutdown();
        }
    }
}
