package com.healthcontent.sessions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Spring Security's own serializable objects (authorizations, sessions with their security context and saved
 * requests), kept as they are, as Spring Session and Spring Authorization Server's JDBC store do, rather than mapped
 * field by field. Reading them back admits only the JDK's, Spring Security's and Spring Session's types, the servlet
 * cookie a saved request holds, and what the application names, so a document written by anyone else cannot make
 * the process build other classes.
 */
public final class SerializedObjects {

    private static final String ALWAYS = "maxdepth=40;maxrefs=20000;maxbytes=1000000;java.**;"
            + "jakarta.servlet.http.Cookie;org.springframework.security.**;org.springframework.session.**;";

    private final ObjectInputFilter admitted;

    /** {@code alsoAdmitted}: further class patterns, e.g. {@code org.springframework.web.servlet.FlashMap}. */
    public SerializedObjects(String... alsoAdmitted) {
        this.admitted = ObjectInputFilter.Config.createFilter(ALWAYS
                + String.join(
                        "",
                        java.util.Arrays.stream(alsoAdmitted)
                                .map(pattern -> pattern + ";")
                                .toList())
                + "!*");
    }

    public byte[] write(Serializable object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store " + object.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    public <T> T read(byte[] stored, Class<T> type) {
        String[] refused = {null};
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = admitted.checkInput(info);
                if (status == ObjectInputFilter.Status.REJECTED && info.serialClass() != null) {
                    refused[0] = info.serialClass().getName();
                }
                return status;
            });
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException(
                    "A stored " + type.getSimpleName() + " cannot be read back"
                            + (refused[0] == null ? "" : ": it holds a " + refused[0] + ", which is not admitted"),
                    e);
        }
    }
}
