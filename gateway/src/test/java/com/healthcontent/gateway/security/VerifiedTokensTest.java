package com.healthcontent.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    final Instant now = Instant.parse("2026-12-01T12:00:00Z");
    final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aValidTokenIsVerifiedOnceAndAnExpiredOrRefusedOneEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(
                token -> {
                    verifications.incrementAndGet();
                    return token.startsWith("forged")
                            ? Mono.error(new BadJwtException("bad signature"))
                            : Mono.just(jwt(token, token.startsWith("expired") ? now : now.plusSeconds(300)));
                },
                100,
                Duration.ofMinutes(5),
                Clock.fixed(now, ZoneOffset.UTC));

        Jwt first = tokens.decode("valid").block();
        assertThat(tokens.decode("valid").block()).isSameAs(first);
        assertThat(verifications).hasValue(1);

        tokens.decode("expired").block();
        tokens.decode("expired").block();
        assertThat(verifications).hasValue(3);

        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(5);
    }

    private Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("dr.rao")
                .issuedAt(now.minusSeconds(60))
                .expiresAt(expiresAt)
                .build();
    }
}
