package com.healthcontent.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend, keeping what it stores as BSON instead of in H2's default types, which compare
 * and store an object they do not know with Java serialization (load-tests/results/PROFILE.md has what that cost the
 * wire server under a vote burst):
 *
 * <ul>
 *   <li>A collection's documents ({@link BsonDocuments}) by their ids ({@link BsonValues}), in a map of their own
 *       name; the documents of a store written before are moved there when the collection is first opened.
 *   <li>Unique indexes (the {@code _id} index among them), keys ({@link IndexKeys}) ordered by their values, in a map
 *       of their own name, built from the documents when first opened; the maps a store written before holds of the
 *       same index are removed.
 * </ul>
 */
final class LocalStackH2Backend extends H2Backend {

    /** After the collection's namespace, so that dropping the database removes them with the collection's indexes. */
    private static final String DOCUMENTS = "._documents";

    private static final String INDEX = "._unique_";
    /** The library's name of a collection's map of its size, before its namespace. */
    private static final String META_PREFIX = "meta.";
    /**
     * The names an index's map had before, after the collection's namespace: the library's, then the local stack's with
     * keys ordered by value but serialized, then with positions serialized.
     */
    private static final List<String> EARLIER_INDEXES = List.of("._index_", "._value_ordered_index_", "._bson_index_");

    LocalStackH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner, so that the store is at hand while the library's constructor already opens the indexes. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            for (String earlier : EARLIER_INDEXES) {
                String name = getFullCollectionNamespace(collectionName) + earlier + indexName;
                if (store.hasMap(name)) {
                    store.removeMap(name);
                }
            }
            MVMap<KeyValue, Object> map = store.openMap(
                    mapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>()
                            .keyType(IndexKeys.INSTANCE)
                            .valueType(BsonValues.INSTANCE));
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = mapName(collection.getCollectionName(), indexName);
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = documents(namespace + DOCUMENTS);
            Map<String, MVMap.Builder<Object, Document>> earlier = Map.of(
                    "databases." + namespace, // the library's
                    new MVMap.Builder<>(),
                    namespace + "._bson_documents", // the local stack's with documents as BSON, ids serialized
                    new MVMap.Builder<Object, Document>().valueType(BsonDocuments.INSTANCE));
            earlier.forEach((name, types) -> {
                if (store.hasMap(name)) {
                    // Removed only once all are copied: a start stopped half way copies the rest the next time.
                    MVMap<Object, Document> before = store.openMap(name, types);
                    before.forEach(documents::putIfAbsent);
                    store.removeMap(before);
                }
            });
            MVMap<String, Object> size = store.openMap(META_PREFIX + namespace);
            return new H2Collection(this, collectionName, options, documents, size, getCursorRegistry());
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            getMvStore().removeMap(getFullCollectionNamespace(collectionName) + DOCUMENTS);
        }

        @Override
        public void moveCollection(MongoDatabase from, MongoCollection<?> collection, String newCollectionName) {
            MVMap<Object, Document> documents = documents(collection.getFullName() + DOCUMENTS);
            super.moveCollection(from, collection, newCollectionName);
            getMvStore().renameMap(documents, getFullCollectionNamespace(newCollectionName) + DOCUMENTS);
        }

        private MVMap<Object, Document> documents(String name) {
            return getMvStore()
                    .openMap(
                            name,
                            new MVMap.Builder<Object, Document>()
                                    .keyType(BsonValues.INSTANCE)
                                    .valueType(BsonDocuments.INSTANCE));
        }

        private String mapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX + indexName;
        }
    }

    /** A unique index kept in an H2 map: a key's document position. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
