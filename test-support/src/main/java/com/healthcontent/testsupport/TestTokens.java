package com.healthcontent.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the authorization server in service tests: an RS256 key whose public half is served as a
 * JWKS on loopback, so the services verify test tokens exactly as they verify real ones (fetching the key
 * set, checking signature, issuer and expiry). The real login flow is tested against the real server in
 * auth-server and in the end-to-end test.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.local";
    /** The audience every platform access token carries and every service requires. */
    public static final String API_AUDIENCE = "health-content-api";

    /**
     * The staff directory the stand-in serves, as the authorization server does: the demo staff of API.md, with
     * olga.author (a second author) and the names and credentials pages show.
     */
    public static final String STAFF_DIRECTORY = """
            {"items": [
              {"username": "ana.author", "name": "Ana Alvarez", "credentials": "MSc", "roles": ["AUTHOR"]},
              {"username": "olga.author", "name": "Olga Ortiz", "roles": ["AUTHOR"]},
              {"username": "eli.editor", "name": "Eli Evans", "roles": ["EDITOR"]},
              {"username": "dr.rao", "name": "Dr. Priya Rao", "credentials": "M.D., FFARCSI, DA",
               "roles": ["MEDICAL_REVIEWER"]},
              {"username": "dr.kim", "name": "Dr. Min-jun Kim", "credentials": "DPT, OCS", "roles": ["MEDICAL_REVIEWER"]}
            ]}""";

    private static TestTokens instance;
    private static RSAKey stranger;

    private final RSAKey key;
    private final String jwkSetUri;

    private TestTokens() {
        this.key = newKey();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            byte[] staff = STAFF_DIRECTORY.getBytes(StandardCharsets.UTF_8);
            server.createContext("/api/v1/staff", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, staff.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(staff);
                }
            });
            server.setExecutor(null);
            server.start();
            this.jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestTokens issuer() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    public String staffDirectoryUri() {
        return jwkSetUri.replace("/oauth2/jwks", "/api/v1/staff");
    }

    /** A valid token for a staff member, e.g. {@code forUser("dr.rao", "MEDICAL_REVIEWER")}. */
    public static String forUser(String username, String... roles) {
        return issuer().sign(claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), roles), issuer().key);
    }

    public static String expired(String username, String... roles) {
        return issuer().sign(
                        claims(username, ISSUER, Instant.now().minus(Duration.ofMinutes(10)), roles), issuer().key);
    }

    public static String fromOtherIssuer(String username, String... roles) {
        return issuer().sign(
                        claims(
                                username,
                                "http://somebody-else.example",
                                Instant.now().plus(Duration.ofMinutes(5)),
                                roles),
                        issuer().key);
    }

    /** Signed by the platform's issuer, but for another API: a token a client got for some other service. */
    public static String forOtherAudience(String username, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(
                        claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), roles))
                .audience(List.of("web", "somebody-elses-api"))
                .build();
        return issuer().sign(claims, issuer().key);
    }

    /** Right claims, same key id, but signed with a key the issuer never published. */
    public static String signedWithUnknownKey(String username, String... roles) {
        return issuer().sign(claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), roles), stranger());
    }

    /**
     * One key for every forged token: a new 2048-bit RSA key took up to a second on the tests' client compiler, and
     * the walk of every operation's error answers forges one per operation (about 20 s of a suite).
     */
    private static synchronized RSAKey stranger() {
        if (stranger == null) {
            stranger = newKey(issuer().key.getKeyID());
        }
        return stranger;
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(String username, String... roles) {
        return new PlainJWT(claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), roles)).serialize();
    }

    private String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String username, String issuer, Instant expiresAt, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(username)
                .issuer(issuer)
                .audience(List.of("web", API_AUDIENCE))
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .build();
    }

    private static RSAKey newKey() {
        return newKey(UUID.randomUUID().toString());
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
