package com.healthcontent.localstack;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Single values in an H2 map (a collection's document ids, the positions an index points to), ordered as MongoDB
 * orders values and stored as BSON values. H2's default type writes a value it does not know with Java
 * serialization: an id the MongoDB driver sends as an ObjectId (Spring Data sends a 24-hex-digit string id as one)
 * cost a new {@code ObjectOutputStream} and its buffers every time a page holding it was written, most of what the
 * wire server allocated under a vote burst.
 */
final class BsonValues extends BasicDataType<Object> {

    static final BsonValues INSTANCE = new BsonValues();

    private static final ValueComparator ORDER = ValueComparator.asc();
    /** BSON's end-of-document marker, never a value's type: here, a field the document does not have. */
    private static final byte MISSING = 0;

    private BsonValues() {}

    /**
     * Nearly every key a lookup compares is an id or a unique key of one kind (a string, an ObjectId): those are
     * compared as the library's comparator compares them, without its type-order lookups first, which were about a
     * sixth of the wire server's samples under votes (PROFILE.md of 2026-12-06, 05:05).
     */
    @Override
    public int compare(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left instanceof ObjectId a && right instanceof ObjectId b) {
            return a.compareTo(b);
        }
        return ORDER.compare(left, right);
    }

    /** The value's heap size, roughly: H2 bounds its page cache by these estimates. */
    @Override
    public int getMemory(Object value) {
        return value instanceof String text ? 56 + text.length() : 48;
    }

    @Override
    public void write(WriteBuffer out, Object value) {
        ByteBuf encoded = Unpooled.buffer(32);
        encode(value, encoded);
        put(out, encoded);
    }

    /** An encoded value or key into a page: its length, then its bytes, as {@link Encoded} reads them back. */
    static void put(WriteBuffer out, ByteBuf encoded) {
        out.putVarInt(encoded.readableBytes()).put(encoded.nioBuffer());
    }

    @Override
    public Object read(ByteBuffer in) {
        return decode(encoded(in));
    }

    /** A page's values: its buffer wrapped once, not once per value (most of a page read's allocation). */
    @Override
    public void read(ByteBuffer in, Object storage, int count) {
        Object[] values = cast(storage);
        Encoded page = new Encoded(in);
        for (int i = 0; i < count; i++) {
            values[i] = decode(page.next());
        }
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    static void encode(Object value, ByteBuf out) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
        } else {
            byte type = BsonEncoder.determineType(value);
            out.writeByte(type);
            BsonEncoder.encodeValue(type, value, out);
        }
    }

    static Object decode(ByteBuf in) {
        byte type = in.readByte();
        return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
    }

    /** What {@link #write} wrote: its length, then the bytes, which the returned buffer holds. */
    static ByteBuf encoded(ByteBuffer in) {
        return new Encoded(in).next();
    }

    /** The values {@link #write} wrote one after the other, read through one buffer. */
    static final class Encoded {

        private final ByteBuffer in;
        private final int start;
        private final ByteBuf bytes;

        Encoded(ByteBuffer in) {
            this.in = in;
            this.start = in.position();
            this.bytes = Unpooled.wrappedBuffer(in.duplicate());
        }

        /** The next value's bytes, from the buffer's reader index; the page's position moved past them. */
        ByteBuf next() {
            int length = DataUtils.readVarInt(in);
            bytes.readerIndex(in.position() - start);
            in.position(in.position() + length);
            return bytes;
        }
    }
}
