package com.healthcontent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The login flow as people and clients use it: scripts/token (authorization code + PKCE through the login form),
 * the refusal of a public client without PKCE, and client credentials for service clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginFlowTest {

    static final Path TOKEN_SCRIPT =
            Path.of("..", "scripts", "token").toAbsolutePath().normalize();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", AuthStore::uri);
    }

    @Test
    void theTokenScriptWalksTheRealLoginFlowAndGetsASignedTokenWithTheRoles() throws Exception {
        ScriptResult result = tokenScript("dr.rao", "healthy-demo");
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        Jwt jwt =
                NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build().decode(result.stdout());
        assertThat(jwt.getSubject()).isEqualTo("dr.rao");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEDICAL_REVIEWER");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("http://localhost:9000");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    void aWrongPasswordGetsNoToken() throws Exception {
        ScriptResult result = tokenScript("eli.editor", "not-the-password");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("login failed");
    }

    @Test
    void aPublicClientWithoutPkceIsRefused() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base()
                                + "/oauth2/authorize?response_type=code&client_id=web&scope=openid"
                                + "&redirect_uri=http://localhost:3000/callback"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(response.statusCode() == 400 || location.contains("error=invalid_request"))
                .as("status %s, location %s", response.statusCode(), location)
                .isTrue();
    }

    @Test
    void serviceClientsUseClientCredentials() throws Exception {
        String basic =
                Base64.getEncoder().encodeToString("content-sync:local-only-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=content.read"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("access_token");
    }

    @Test
    void probesArePublicAndTheActuatorIsNot() throws Exception {
        assertThat(status(base() + "/readyz")).isEqualTo(200);
        assertThat(status(base() + "/livez")).isEqualTo(200);
        assertThat(status(base() + "/actuator/health")).isNotEqualTo(200);
        assertThat(status("http://localhost:" + managementPort + "/actuator/health/readiness"))
                .isEqualTo(200);
        assertThat(status("http://localhost:" + managementPort + "/actuator/prometheus"))
                .isEqualTo(200);
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The directory the content services copy: content staff with their public names, operators left out. */
    @Test
    void theStaffDirectoryListsContentStaffWithNamesAndAnswers304WhenUnchanged() throws Exception {
        HttpResponse<String> directory = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(directory.statusCode()).isEqualTo(200);
        assertThat(directory.body())
                .contains(
                        "\"username\":\"dr.rao\"",
                        "\"name\":\"Dr. Priya Rao\"",
                        "\"credentials\":\"M.D., FFARCSI, DA\"",
                        "\"roles\":[\"MEDICAL_REVIEWER\"]",
                        "eli.editor")
                .doesNotContain("ops.admin")
                .doesNotContain("password");
        String etag = directory.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unchanged.statusCode()).isEqualTo(304);
    }

    record ScriptResult(int exitCode, String stdout, String stderr) {}

    private ScriptResult tokenScript(String username, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(TOKEN_SCRIPT.toString(), username));
        builder.environment().put("AUTH_URL", base());
        builder.environment().put("DEMO_PASSWORD", password);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ScriptResult(process.waitFor(), out, err);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
