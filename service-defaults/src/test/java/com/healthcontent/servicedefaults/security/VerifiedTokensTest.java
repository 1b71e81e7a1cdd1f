package com.healthcontent.servicedefaults.security;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    final Instant now = Instant.parse("2026-12-01T12:00:00Z");
    final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        JwtDecoder tokens = tokens(Clock.fixed(now, ZoneOffset.UTC), now.plusSeconds(300));
        Jwt first = tokens.decode("token-a");
        assertThat(tokens.decode("token-a")).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndItsRefusalPassedOn() {
        MutableClock clock = new MutableClock(now);
        AtomicInteger calls = new AtomicInteger();
        JwtDecoder verifier = token -> {
            if (calls.incrementAndGet() > 1) {
                throw new BadJwtException("expired");
            }
            return jwt(token, now.plusSeconds(60));
        };
        JwtDecoder tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5), clock);
        tokens.decode("token-a");
        clock.now = now.plusSeconds(61);
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverHeld() {
        AtomicInteger calls = new AtomicInteger();
        JwtDecoder tokens = new VerifiedTokens(
                token -> {
                    calls.incrementAndGet();
                    throw new BadJwtException("bad signature");
                },
                100,
                Duration.ofMinutes(5),
                Clock.fixed(now, ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(calls).hasValue(2);
    }

    private JwtDecoder tokens(Clock clock, Instant expiresAt) {
        return new VerifiedTokens(
                token -> {
                    verifications.incrementAndGet();
                    return jwt(token, expiresAt);
                },
                100,
                Duration.ofMinutes(5),
                clock);
    }

    private Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("dr.rao")
                .issuedAt(now)
                .expiresAt(expiresAt)
                .build();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
