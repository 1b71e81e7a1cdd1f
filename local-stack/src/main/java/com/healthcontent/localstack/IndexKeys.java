package com.healthcontent.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A unique index's keys in an H2 map: ordered by their values, element by element, as MongoDB orders values, and
 * stored as BSON values ({@link BsonValues}). H2's default key type compares keys that are not {@link Comparable} (mongo-java-server's
 * {@link KeyValue} is not) by serializing both with Java serialization, and stores them that way: every step of an
 * index lookup serialized two keys, and every index page written or read back serialized all of its keys.
 */
final class IndexKeys extends BasicDataType<KeyValue> {

    static final IndexKeys INSTANCE = new IndexKeys();

    private IndexKeys() {}

    @Override
    public int compare(KeyValue left, KeyValue right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = BsonValues.INSTANCE.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return 64 + key.stream().mapToInt(BsonValues.INSTANCE::getMemory).sum(); // the key, its list and array
    }

    @Override
    public void write(WriteBuffer out, KeyValue key) {
        ByteBuf encoded = Unpooled.buffer(32 * key.size());
        encoded.writeByte(key.size());
        key.forEach(value -> BsonValues.encode(value, encoded));
        BsonValues.put(out, encoded);
    }

    @Override
    public KeyValue read(ByteBuffer in) {
        return read(BsonValues.encoded(in));
    }

    /** A page's keys: its buffer wrapped once, not once per key (most of a page read's allocation). */
    @Override
    public void read(ByteBuffer in, Object storage, int count) {
        KeyValue[] keys = cast(storage);
        BsonValues.Encoded page = new BsonValues.Encoded(in);
        for (int i = 0; i < count; i++) {
            keys[i] = read(page.next());
        }
    }

    private static KeyValue read(ByteBuf encoded) {
        int size = encoded.readUnsignedByte();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(BsonValues.decode(encoded));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
