package com.healthcontent.provenance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The keys approval records are signed with: a JWK set whose first private EC P-256 key signs (ES256) and whose
 * every key is published, so records signed before a key rotation still verify. To rotate, put a new key first and
 * keep the old ones (their private parts may be removed) for as long as their records should verify.
 */
public final class ApprovalKeys {

    private final JWKSet keys;
    private final ECKey signingKey;

    public ApprovalKeys(JWKSet keys) {
        this.keys = keys;
        this.signingKey = keys.getKeys().stream()
                .filter(key -> key instanceof ECKey && key.isPrivate())
                .map(ECKey.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the approval key set has no private EC key"));
        if (!Curve.P_256.equals(signingKey.getCurve())) {
            throw new IllegalArgumentException("approval records are signed with ES256: the key must be on P-256");
        }
    }

    /** A new key set of one key: records it signs verify only while this process runs, so for tests and one-offs. */
    public static ApprovalKeys generate() {
        return new ApprovalKeys(new JWKSet(newKey()));
    }

    /**
     * The key set kept in a file, written there first when it does not exist. Instances starting together agree on
     * one key: the file appears at once, complete, and whoever comes second reads the first one's.
     */
    public static ApprovalKeys loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path directory = file.toAbsolutePath().getParent();
                Files.createDirectories(directory);
                // readable by its owner only, as temporary files are created
                Path draft = Files.createTempFile(directory, ".approval-keys", ".json");
                try {
                    Files.writeString(draft, new JWKSet(newKey()).toString(false));
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                    // theirs is the key
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return new ApprovalKeys(JWKSet.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the approval keys at " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the approval keys at " + file + " are not a JWK set", e);
        }
    }

    /** What verifiers fetch: the public part of every key. */
    public JWKSet published() {
        return keys.toPublicJWKSet();
    }

    /** The record as a compact JWS. */
    public String sign(ApprovalRecord record) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType(ApprovalRecord.TYPE))
                        .keyID(signingKey.getKeyID())
                        .build(),
                record.claims());
        try {
            jwt.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an approval record", e);
        }
        return jwt.serialize();
    }

    private static JWK newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
