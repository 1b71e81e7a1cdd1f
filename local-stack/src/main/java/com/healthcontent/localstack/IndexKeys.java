package com.healthcontent.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A unique index's keys in an H2 map: ordered by their values, element by element, as MongoDB orders values, and
 * stored as BSON values. H2's default key type compares keys that are not {@link Comparable} (mongo-java-server's
 * {@link KeyValue} is not) by serializing both with Java serialization, and stores them that way: every step of an
 * index lookup serialized two keys, and every index page written or read back serialized all of its keys.
 */
final class IndexKeys extends BasicDataType<KeyValue> {

    static final IndexKeys INSTANCE = new IndexKeys();

    private static final ValueComparator VALUES = ValueComparator.asc();
    /** BSON's end-of-document marker, never a value's type: here, a field the document does not have. */
    private static final byte MISSING = 0;

    private IndexKeys() {}

    @Override
    public int compare(KeyValue left, KeyValue right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = VALUES.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return 64 * key.size() + 24;
    }

    @Override
    public void write(WriteBuffer out, KeyValue key) {
        ByteBuf encoded = Unpooled.buffer(32 * key.size());
        encoded.writeByte(key.size());
        for (Object value : key) {
            if (value instanceof Missing) {
                encoded.writeByte(MISSING);
            } else {
                byte type = BsonEncoder.determineType(value);
                encoded.writeByte(type);
                BsonEncoder.encodeValue(type, value, encoded);
            }
        }
        out.putVarInt(encoded.readableBytes()).put(encoded.nioBuffer());
    }

    @Override
    public KeyValue read(ByteBuffer in) {
        int length = DataUtils.readVarInt(in);
        ByteBuf encoded = Unpooled.wrappedBuffer(in.slice().limit(length));
        in.position(in.position() + length);
        int size = encoded.readUnsignedByte();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte type = encoded.readByte();
            values.add(type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, encoded));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
