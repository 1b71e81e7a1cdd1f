package com.healthcontent.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Access tokens as this server issues them (signed with its key, for the platform's API), for the staff API's tests. */
final class PlatformTokens {

    private PlatformTokens() {}

    static String of(JWKSource<SecurityContext> platformKeys, String username, String role) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("http://localhost:9000")
                .subject(username)
                .audience(List.of("cli", "health-content-api"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("roles", List.of(role))
                .build();
        return new NimbusJwtEncoder(platformKeys)
                .encode(JwtEncoderParameters.from(claims))
                .getTokenValue();
    }
}
