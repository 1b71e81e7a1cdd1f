package com.healthcontent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator's day: invite a reviewer (a one-time link), the reviewer chooses a password and signs in with the
 * invited role; roles changed, an account disabled (its sessions and tokens end) and enabled again, a password reset;
 * bad input refused naming the field, the last administrator kept, a spent link changing nothing; all of it in the
 * audit trail. Its own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffAdministrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NEW_PASSWORD = "three words remembered";

    @LocalServerPort
    int port;

    @Autowired
    JWKSource<SecurityContext> platformKeys;

    @Autowired
    MongoTemplate mongoTemplate;

    final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> AuthStore.uri().replace("/auth-server", "/auth-server-admin"));
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void anInvitedReviewerSetsAPasswordOnceAndSignsInWithTheInvitedRole() throws Exception {
        HttpResponse<String> invited = api("POST", "/api/v1/staff/accounts", """
                {"username": "dr.new", "name": "Dr. Nia Ewe", "credentials": "MBBS", "email": "nia@example.org",
                 "roles": ["MEDICAL_REVIEWER"]}""");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(invited.body());
        assertThat(body.get("account").get("hasPassword").asBoolean()).isFalse();
        String link = body.get("invitation").get("url").asString();
        assertThat(link).startsWith("http://localhost:9000/invitations/");
        assertThat(Instant.parse(body.get("invitation").get("expiresAt").asString()))
                .isBetween(Instant.now().plusSeconds(71 * 3600), Instant.now().plusSeconds(73 * 3600));
        String path = URI.create(link).getPath();
        // the same link reaches the invited person by e-mail
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(message -> GreenMailUtil.getBody(message).contains("Dr. Nia Ewe")));
        MimeMessage invitation = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getBody(message).contains("Dr. Nia Ewe"))
                .findFirst()
                .orElseThrow();
        assertThat(GreenMailUtil.getAddressList(invitation.getAllRecipients())).isEqualTo("nia@example.org");
        assertThat(invitation.getSubject()).isEqualTo("You are invited to the health content platform");
        assertThat(GreenMailUtil.getBody(invitation)).contains(link, "Dr. Nia Ewe");
        assertThat(SignInForm.attempt(base(), "dr.new", NEW_PASSWORD)).contains("Wrong username or password.");

        assertThat(setPassword(path, "short", "short").body()).contains("at least 12 characters");
        assertThat(setPassword(path, "password123456", "password123456").body()).contains("most often choose");
        assertThat(setPassword(path, NEW_PASSWORD, NEW_PASSWORD + "!").body()).contains("not the same");
        HttpResponse<String> set = setPassword(path, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/login?password-set");

        assertThat(SignInForm.attempt(base(), "dr.new", NEW_PASSWORD)).isEmpty();
        assertThat(directory()).contains("\"username\":\"dr.new\"", "\"roles\":[\"MEDICAL_REVIEWER\"]");
        // the link worked once: used again, it changes nothing
        HttpResponse<String> again = setPassword(path, "another long password", "another long password");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This link no longer works");
        assertThat(SignInForm.attempt(base(), "dr.new", NEW_PASSWORD)).isEmpty();
        assertThat(mongoTemplate
                        .getCollection("staff_accounts")
                        .find(new Document("_id", "dr.new"))
                        .first()
                        .getString("passwordHash"))
                .startsWith("{bcrypt}");
    }

    @Test
    void disablingEndsSessionsAndTokensAndEnablingLetsThePersonBackIn() throws Exception {
        invite("ana.temp", "AUTHOR");
        assertThat(SignInForm.attempt(base(), "ana.temp", NEW_PASSWORD)).isEmpty();
        Document signedIn = new Document("principal", "ana.temp");
        assertThat(mongoTemplate.getCollection("login_sessions").countDocuments(signedIn))
                .isPositive();
        mongoTemplate
                .getCollection("oauth2_authorizations")
                .insertOne(new Document("_id", "a-token-of-ana").append("principalName", "ana.temp"));
        assertThat(api("POST", "/api/v1/staff/accounts/ana.temp/disablement", null)
                        .statusCode())
                .isEqualTo(200);

        assertThat(mongoTemplate.getCollection("login_sessions").countDocuments(signedIn))
                .isZero();

        assertThat(SignInForm.attempt(base(), "ana.temp", NEW_PASSWORD)).contains("Wrong username or password.");
        assertThat(mongoTemplate
                        .getCollection("oauth2_authorizations")
                        .countDocuments(new Document("principalName", "ana.temp")))
                .isZero();
        assertThat(directory()).doesNotContain("ana.temp");

        // and a token issued before, still within its lifetime, is refused at once by the staff API
        String before =
                "{\"currentPassword\": \"%s\", \"newPassword\": \"another long password\"}".formatted(NEW_PASSWORD);
        assertThat(api("POST", "/api/v1/staff/accounts/me/password", before, token("ana.temp", "AUTHOR"))
                        .statusCode())
                .isEqualTo(401);

        assertThat(api("DELETE", "/api/v1/staff/accounts/ana.temp/disablement", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(SignInForm.attempt(base(), "ana.temp", NEW_PASSWORD)).isEmpty();
    }

    @Test
    void rolesChangeAndBadInputIsRefusedNamingTheField() throws Exception {
        invite("eli.temp", "AUTHOR");
        HttpResponse<String> changed = api("PUT", "/api/v1/staff/accounts/eli.temp/roles", "{\"roles\": [\"EDITOR\"]}");
        assertThat(JSON.readTree(changed.body()).get("roles").valueStream().map(JsonNode::asString))
                .containsExactly("EDITOR");

        assertField(
                api("PUT", "/api/v1/staff/accounts/eli.temp/roles", "{\"roles\": [\"EDITOR\", \"GOD\"]}"),
                400,
                "roles[1]");
        assertField(
                api(
                        "POST",
                        "/api/v1/staff/accounts",
                        "{\"username\": \"Bad Name\", \"name\": \"x\", \"email\": \"x@example.org\", \"roles\": [\"AUTHOR\"]}"),
                400,
                "username");
        assertField(
                api(
                        "POST",
                        "/api/v1/staff/accounts",
                        "{\"username\": \"eli.temp\", \"name\": \"x\", \"email\": \"x@example.org\", \"roles\": [\"AUTHOR\"]}"),
                409,
                "username");
        assertField(
                api(
                        "POST",
                        "/api/v1/staff/accounts",
                        "{\"username\": \"no.mail\", \"name\": \"x\", \"email\": \"not an address\", \"roles\": [\"AUTHOR\"]}"),
                400,
                "email");
        assertThat(api("PUT", "/api/v1/staff/accounts/no.one/roles", "{\"roles\": [\"EDITOR\"]}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLastAdministratorCanBeNeitherDisabledNorDemoted() throws Exception {
        HttpResponse<String> disabled = api("POST", "/api/v1/staff/accounts/ops.admin/disablement", null);
        assertThat(disabled.statusCode()).isEqualTo(409);
        assertThat(disabled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api("PUT", "/api/v1/staff/accounts/ops.admin/roles", "{\"roles\": [\"EDITOR\"]}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(SignInForm.attempt(base(), "ops.admin", "healthy-demo")).isEmpty();
    }

    @Test
    void aResetLinkReplacesThePasswordAndEverythingIsAudited() throws Exception {
        invite("kim.temp", "MEDICAL_REVIEWER");
        String reset = JSON.readTree(api("POST", "/api/v1/staff/accounts/kim.temp/password-reset", null)
                        .body())
                .get("url")
                .asString();
        assertThat(setPassword(URI.create(reset).getPath(), "a brand new passphrase", "a brand new passphrase")
                        .statusCode())
                .isEqualTo(302);
        assertThat(SignInForm.attempt(base(), "kim.temp", NEW_PASSWORD)).contains("Wrong username or password.");
        assertThat(SignInForm.attempt(base(), "kim.temp", "a brand new passphrase"))
                .isEmpty();

        JsonNode trail = JSON.readTree(
                api("GET", "/api/v1/staff/audit?subject=kim.temp&size=50", null).body());
        assertThat(trail.get("items").valueStream().map(item -> item.get("type").asString()))
                .contains("INVITED", "PASSWORD_SET", "PASSWORD_RESET_SENT", "SIGN_IN_SUCCEEDED");
        assertThat(trail.get("items").findValuesAsString("actor")).contains("ops.admin");
        assertThat(api("GET", "/api/v1/staff/accounts", null, token("dr.rao", "MEDICAL_REVIEWER"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void staffChangeTheirOwnPasswordGivingTheCurrentOne() throws Exception {
        invite("rao.temp", "MEDICAL_REVIEWER");
        String own = token("rao.temp", "MEDICAL_REVIEWER");
        String path = "/api/v1/staff/accounts/me/password";

        assertField(
                api(
                        "POST",
                        path,
                        "{\"currentPassword\": \"not it at all\", \"newPassword\": \"a fresh long one\"}",
                        own),
                400,
                "currentPassword");
        assertField(
                api(
                        "POST",
                        path,
                        "{\"currentPassword\": \"%s\", \"newPassword\": \"short\"}".formatted(NEW_PASSWORD),
                        own),
                400,
                "newPassword");
        assertThat(api(
                                "POST",
                                path,
                                "{\"currentPassword\": \"%s\", \"newPassword\": \"a fresh long one\"}"
                                        .formatted(NEW_PASSWORD),
                                own)
                        .statusCode())
                .isEqualTo(204);

        assertThat(SignInForm.attempt(base(), "rao.temp", NEW_PASSWORD)).contains("Wrong username or password.");
        assertThat(SignInForm.attempt(base(), "rao.temp", "a fresh long one")).isEmpty();
    }

    /** Invited and with the password {@link #NEW_PASSWORD} set through the link. */
    private void invite(String username, String role) throws Exception {
        HttpResponse<String> invited = api("POST", "/api/v1/staff/accounts", """
                {"username": "%s", "name": "Temp", "email": "%s@example.org", "roles": ["%s"]}""".formatted(username, username, role));
        String link = JSON.readTree(invited.body()).get("invitation").get("url").asString();
        assertThat(setPassword(URI.create(link).getPath(), NEW_PASSWORD, NEW_PASSWORD)
                        .statusCode())
                .isEqualTo(302);
    }

    private static void assertField(HttpResponse<String> refused, int status, String field) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        assertThat(JSON.readTree(refused.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo(field);
    }

    private HttpResponse<String> setPassword(String path, String password, String repeated) throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = SignInForm.CSRF.matcher(form.body());
        if (!csrf.find()) {
            return form; // the page for a link that no longer works
        }
        String body = "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&repeated="
                + URLEncoder.encode(repeated, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        return browser.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String directory() throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return api(method, path, body, token("ops.admin", "ADMIN"));
    }

    private HttpResponse<String> api(String method, String path, String body, String token) throws Exception {
        return StaffApi.call(base(), token, method, path, body);
    }

    private String token(String username, String role) {
        return PlatformTokens.of(platformKeys, username, role);
    }
}
