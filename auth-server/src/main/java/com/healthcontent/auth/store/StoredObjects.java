package com.healthcontent.auth.store;

import com.healthcontent.sessions.SerializedObjects;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Authorizations and consents as Spring Security's own serializable objects (guarded, {@link SerializedObjects}). */
final class StoredObjects {

    private static final SerializedObjects OBJECTS = new SerializedObjects();

    private StoredObjects() {}

    static byte[] write(Serializable object) {
        return OBJECTS.write(object);
    }

    static <T> T read(byte[] stored, Class<T> type) {
        return OBJECTS.read(stored, type);
    }

    /** Token values are looked up by their hash: a copy of the store's indexes gives no usable token. */
    static String hash(String tokenValue) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
