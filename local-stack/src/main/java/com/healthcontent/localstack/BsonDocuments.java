package com.healthcontent.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents in an H2 map as BSON, the encoding they arrive and leave in. H2's default value type writes an object it
 * does not know with Java serialization, and reads a whole page of them back the same way whenever the page is not
 * in its cache: under a vote burst that was most of the wire server's CPU (load-tests/results/PROFILE.md).
 */
final class BsonDocuments extends BasicDataType<Document> {

    static final BsonDocuments INSTANCE = new BsonDocuments();

    /**
     * H2 bounds its page cache, and how much it keeps unsaved, by an estimate of each value's heap size. A document
     * decoded from BSON takes about four times its encoded size (a map entry, a name and a boxed value per field).
     */
    private volatile int averageMemory = 4096;

    private BsonDocuments() {}

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        ByteBuf encoded = Unpooled.buffer(averageMemory / 4);
        BsonEncoder.encodeDocument(document, encoded);
        int length = encoded.readableBytes();
        out.put(encoded.nioBuffer());
        averageMemory = (int) ((4L * length + 64 + 15L * averageMemory) / 16);
    }

    @Override
    public Document read(ByteBuffer in) {
        int length = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = in.slice().limit(length);
        in.position(in.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
