package com.healthcontent.auth.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Authorizations, consents and login sessions are Spring Security's own serializable objects, kept as they are (as
 * Spring Session and Spring Authorization Server's JDBC store do) rather than mapped field by field. Reading them
 * back admits only the JDK's and Spring Security's types and the servlet cookie a saved request holds, so a
 * document written by anyone else cannot make this process build other classes.
 */
final class StoredObjects {

    private static final ObjectInputFilter ONLY_SECURITY_TYPES = ObjectInputFilter.Config.createFilter(
            "maxdepth=40;maxrefs=20000;maxbytes=1000000;java.**;jakarta.servlet.http.Cookie;"
                    + "org.springframework.security.**;org.springframework.session.**;!*");

    private StoredObjects() {
    }

    static byte[] write(Serializable object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store " + object.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    static <T> T read(byte[] stored, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ONLY_SECURITY_TYPES);
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " cannot be read back", e);
        }
    }

    /** Token values are looked up by their hash: a copy of the store's indexes gives no usable token. */
    static String hash(String tokenValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(tokenValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
