package com.healthcontent.servicedefaults.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers for feedback, events and requests: UUID version 7 (RFC 9562), milliseconds first, then 74 random
 * bits. Time order keeps MongoDB's {@code _id} index appending instead of splitting pages at random. The random
 * part comes from {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}: that one draws from one lock-guarded
 * {@code /dev/urandom} reader, which under a burst of submissions was the most contended lock of the service.
 * These ids are not secrets; nothing here may be used as a token or a password.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {}

    public static String next() {
        return next(System.currentTimeMillis()).toString();
    }

    static UUID next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
