package com.healthcontent.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalKeysTest {

    @TempDir
    Path directory;

    @Test
    void instancesStartingTogetherAgreeOnOneKeyKeptPrivateInItsFile() throws Exception {
        Path file = directory.resolve("approval").resolve("signing-keys.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                starts.add(() -> ApprovalKeys.loadOrCreate(file).published().toString());
            }
            Set<String> published = new HashSet<>();
            for (Future<String> start : pool.invokeAll(starts)) {
                published.add(start.get());
            }
            assertThat(published).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
        assertThat(ApprovalKeys.loadOrCreate(file).published().toString()).isEqualTo(published(file));
    }

    @Test
    void theFirstKeySignsAndEveryKeyIsPublishedSoOldRecordsStillVerifyAfterARotation() throws Exception {
        JWK old = new ECKeyGenerator(Curve.P_256).keyID("2025").generate();
        JWK current = new ECKeyGenerator(Curve.P_256).keyID("2026").generate();
        ApprovalKeys rotated = new ApprovalKeys(new JWKSet(List.of(current, old.toPublicJWK())));

        String record = rotated.sign(PageCheckTest.record("sha256:00"));

        assertThat(SignedJWT.parse(record).getHeader().getKeyID()).isEqualTo(current.getKeyID());
        assertThat(rotated.published().getKeys())
                .extracting(JWK::getKeyID)
                .containsExactly(current.getKeyID(), old.getKeyID());
        assertThat(rotated.published().getKeys()).noneMatch(JWK::isPrivate);
    }

    @Test
    void aSetWithoutAPrivateKeyCannotSign() {
        JWKSet publicOnly = ApprovalKeys.generate().published();
        assertThatThrownBy(() -> new ApprovalKeys(publicOnly)).hasMessageContaining("no private EC key");
    }

    private static String published(Path file) throws Exception {
        return JWKSet.parse(Files.readString(file)).toPublicJWKSet().toString();
    }
}
