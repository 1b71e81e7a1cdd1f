package com.healthcontent.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 file backend, with its unique indexes (the {@code _id} index among them) ordered by the
 * keys' values. The library's own indexes are H2 maps with H2's default key type, which compares keys that are not
 * {@link Comparable} (mongo-java-server's {@link KeyValue} is not) by serializing both with Java serialization:
 * every step of every index lookup and insert serialized two keys. Under a vote burst that was a large part of the
 * wire server's CPU per stored vote (load-tests/results/PROFILE.md). Keys are stored as before; only their order
 * differs, so an index is kept in a map of its own name, built from the documents when first opened; the library's
 * map of the same index, if a store written before has one, is removed.
 */
final class ValueOrderedH2Backend extends H2Backend {

    private static final String INDEX_MAP = "._index_";
    private static final String VALUE_ORDERED_INDEX_MAP = "._value_ordered_index_";

    ValueOrderedH2Backend(MVStore store) {
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
            String unordered = getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName;
            if (store.hasMap(unordered)) {
                store.removeMap(unordered);
            }
            MVMap<KeyValue, Object> map = store.openMap(
                    mapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new ValueOrderedKeys()));
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

        private String mapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + VALUE_ORDERED_INDEX_MAP + indexName;
        }
    }

    /** Index keys ordered by their values, element by element, as MongoDB orders values; stored as H2 stores them. */
    static final class ValueOrderedKeys extends ObjectDataType {

        private static final ValueComparator VALUES = ValueComparator.asc();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                    int order = VALUES.compare(left.get(i), right.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return Integer.compare(left.size(), right.size());
            }
            return super.compare(a, b);
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
