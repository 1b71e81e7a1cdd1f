package com.healthcontent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization server scaled out and restarted, as operators run it: a sign-in whose steps alternate between
 * two instances succeeds, a refresh token issued before a restart still works after it, and a lockout on one
 * instance holds on the other. Both instances share one store and one signing key, nothing else. The client is a confidential one with refresh tokens (as a
 * backend-for-frontend is); public clients get none.
 */
class SharedIdentityTest {

    static final String REDIRECT = "http://localhost:3000/bff/callback";
    static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path keys; // deleted after each test: it holds a private key

    final CookieManager cookies = new CookieManager(); // cookies are per host, not per port: both instances get them
    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();
    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void aSignInWhoseStepsAlternateBetweenTwoInstancesSucceeds() throws Exception {
        first = start();
        second = start();

        Map<String, String> tokens = signIn(new ConfigurableApplicationContext[] {first, second, first, second, first});

        Jwt access = NimbusJwtDecoder.withJwkSetUri(base(second) + "/oauth2/jwks")
                .build()
                .decode(tokens.get("access_token"));
        assertThat(access.getSubject()).isEqualTo("dr.rao");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("MEDICAL_REVIEWER");
        // and the other instance takes the refresh token the first one issued
        assertThat(refresh(second, tokens.get("refresh_token"))).containsKey("access_token");
    }

    @Test
    void aRefreshTokenIssuedBeforeARestartWorksAfterIt() throws Exception {
        first = start();
        Map<String, String> tokens = signIn(new ConfigurableApplicationContext[] {first, first, first, first, first});
        first.close();

        first = start(); // the restarted instance: a new process in all but the JVM, on another port

        Map<String, String> refreshed = refresh(first, tokens.get("refresh_token"));
        assertThat(refreshed).containsKeys("access_token", "refresh_token");
        assertThat(NimbusJwtDecoder.withJwkSetUri(base(first) + "/oauth2/jwks")
                        .build()
                        .decode(refreshed.get("access_token"))
                        .getSubject())
                .isEqualTo("dr.rao");
    }

    @Test
    void aLockoutOnOneInstanceHoldsOnTheOther() throws Exception {
        first = start();
        second = start();
        for (int i = 0; i < 3; i++) {
            assertThat(SignInForm.attempt(base(first), "shared.guesser", "guess-" + i))
                    .contains("Wrong username or password.");
        }
        assertThat(SignInForm.attempt(base(second), "shared.guesser", "guess-3"))
                .hasValueSatisfying(message -> assertThat(message).contains("this account is locked"));
    }

    /**
     * Authorization code with PKCE through the login form, each step on the instance given for it: authorize,
     * the login form, its submission, authorize again, the code's exchange.
     */
    private Map<String, String> signIn(ConfigurableApplicationContext[] steps) throws Exception {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=bff&scope=openid%20profile&state=s1"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> toLogin = get(base(steps[0]) + authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");

        HttpResponse<String> form = get(base(steps[1]) + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();

        HttpResponse<String> signedIn = post(
                base(steps[2]) + "/login",
                null,
                Map.of("username", "dr.rao", "password", "healthy-demo", "_csrf", csrf.group(1)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String resume = URI.create(location(signedIn)).getRawPath() + "?"
                + URI.create(location(signedIn)).getRawQuery();
        assertThat(resume).startsWith("/oauth2/authorize");

        HttpResponse<String> toClient = get(base(steps[3]) + resume);
        assertThat(location(toClient)).startsWith(REDIRECT + "?code=").contains("state=s1");
        String code = decoded(location(toClient).replaceAll(".*[?&]code=([^&]+).*", "$1"));

        HttpResponse<String> token = post(
                base(steps[4]) + "/oauth2/token",
                "bff:bff-secret",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT,
                        "code_verifier",
                        verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return fields(token.body());
    }

    private Map<String, String> refresh(ConfigurableApplicationContext instance, String refreshToken) throws Exception {
        HttpResponse<String> response = post(
                base(instance) + "/oauth2/token",
                "bff:bff-secret",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return fields(response.body());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.mongodb.uri=" + AuthStore.uri(),
                        "--platform.auth.signing-key-file=" + keys.resolve("signing-key.json"),
                        // locked at the third failure, with no waits before it, so the lockout test takes no time
                        "--platform.sign-in.delay-after=100",
                        "--platform.sign-in.lockout-after=3",
                        "--spring.security.oauth2.authorizationserver.client.bff.registration.client-id=bff",
                        "--spring.security.oauth2.authorizationserver.client.bff.registration.client-secret={noop}bff-secret",
                        "--spring.security.oauth2.authorizationserver.client.bff.registration.client-authentication-methods=client_secret_basic",
                        "--spring.security.oauth2.authorizationserver.client.bff.registration.authorization-grant-types=authorization_code,refresh_token",
                        "--spring.security.oauth2.authorizationserver.client.bff.registration.redirect-uris="
                                + REDIRECT,
                        "--spring.security.oauth2.authorizationserver.client.bff.registration.scopes=openid,profile",
                        "--spring.security.oauth2.authorizationserver.client.bff.require-proof-key=true");
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String basicAuth, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (basicAuth != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect, status " + response.statusCode()));
    }

    private static String decoded(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> fields(String body) {
        JsonNode node = json.readTree(body);
        return node.propertyNames().stream()
                .collect(Collectors.toMap(name -> name, name -> node.get(name).asString()));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
