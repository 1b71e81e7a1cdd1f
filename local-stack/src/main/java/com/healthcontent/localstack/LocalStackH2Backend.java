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
 * mongo-java-server's H2 file backend, with two changes to how it keeps what it stores, both costs of H2's default
 * types, which handle an object they do not know with Java serialization (load-tests/results/PROFILE.md has what they
 * cost the wire server under a vote burst):
 *
 * <ul>
 *   <li>Unique indexes (the {@code _id} index among them) are ordered by the keys' values and stored as BSON values
 *       ({@link IndexKeys}), in a map of their own name, built from the documents when first opened; the maps a
 *       store written before holds of the same index (the library's, or the value-ordered ones with serialized keys
 *       that came before these) are removed.
 *   <li>Documents are kept as BSON ({@link BsonDocuments}) in a map of their own name; a store written before has
 *       its documents moved there when the collection is first opened.
 * </ul>
 */
final class LocalStackH2Backend extends H2Backend {

    /** The names of an index's map before: the library's, then ordered by value with keys still serialized. */
    private static final List<String> EARLIER_INDEX_MAPS = List.of("._index_", "._value_ordered_index_");

    private static final String INDEX_MAP = "._bson_index_";
    /** The library's names of a collection's maps of documents and of its size. */
    private static final String SERIALIZED_DOCUMENTS_PREFIX = "databases.";

    private static final String META_PREFIX = "meta.";
    /** After the collection's namespace, so that dropping the database removes it with the indexes. */
    private static final String BSON_DOCUMENTS = "._bson_documents";

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
            for (String earlier : EARLIER_INDEX_MAPS) {
                String name = getFullCollectionNamespace(collectionName) + earlier + indexName;
                if (store.hasMap(name)) {
                    store.removeMap(name);
                }
            }
            MVMap<KeyValue, Object> map = store.openMap(
                    mapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeys.INSTANCE));
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
            MVMap<Object, Document> documents = store.openMap(
                    namespace + BSON_DOCUMENTS,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocuments.INSTANCE));
            String serialized = SERIALIZED_DOCUMENTS_PREFIX + namespace;
            if (store.hasMap(serialized)) {
                // Removed only once all are copied: a start stopped half way copies the rest the next time.
                MVMap<Object, Document> before = store.openMap(serialized);
                before.forEach(documents::putIfAbsent);
                store.removeMap(before);
            }
            MVMap<String, Object> size = store.openMap(META_PREFIX + namespace);
            return new H2Collection(this, collectionName, options, documents, size, getCursorRegistry());
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            getMvStore().removeMap(getFullCollectionNamespace(collectionName) + BSON_DOCUMENTS);
        }

        @Override
        public void moveCollection(MongoDatabase from, MongoCollection<?> collection, String newCollectionName) {
            String before = collection.getFullName() + BSON_DOCUMENTS;
            super.moveCollection(from, collection, newCollectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> documents =
                    store.openMap(before, new MVMap.Builder<Object, Document>().valueType(BsonDocuments.INSTANCE));
            store.renameMap(documents, getFullCollectionNamespace(newCollectionName) + BSON_DOCUMENTS);
        }

        private String mapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName;
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
