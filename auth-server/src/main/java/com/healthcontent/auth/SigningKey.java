package com.healthcontent.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RS256 key tokens are signed with. Kept in a file when one is configured, so tokens stay valid across
 * a restart of the local stack; generated in memory otherwise (then every restart rotates it).
 */
final class SigningKey {

    private SigningKey() {}

    static RSAKey loadOrCreate(String file) {
        if (file == null || file.isBlank()) {
            return generate();
        }
        Path path = Path.of(file);
        try {
            if (Files.exists(path)) {
                return RSAKey.parse(Files.readString(path));
            }
            RSAKey key = generate();
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, key.toJSONString());
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key at " + path, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key at " + path + " is not a JWK", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
