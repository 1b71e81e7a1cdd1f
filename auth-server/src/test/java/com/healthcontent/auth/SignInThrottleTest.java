package com.healthcontent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password guessing against the real sign-in form: slowed from the 3rd failure in a row, locked at the 6th (the
 * production numbers are 5 and 10, scaled down with the durations so the test takes seconds), the right password
 * refused while locked and working again after; an unknown name answered exactly alike; many failures from one
 * address slowing that address without locking anyone out; everything in the audit trail, which only administrators
 * read. Its own database, so that its failures from 127.0.0.1 count against no other test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.sign-in.delay-after=3",
            "platform.sign-in.lockout-after=6",
            "platform.sign-in.lockout=4s",
            "platform.sign-in.max-delay=1s",
            "platform.sign-in.address-delay-after=1000"
        })
class SignInThrottleTest {

    static final String RIGHT = "healthy-demo";
    static final String BAD = "Wrong username or password.";

    @LocalServerPort
    int port;

    @Autowired
    JWKSource<SecurityContext> platformKeys;

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> AuthStore.uri().replace("/auth-server", "/auth-server-throttle"));
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Six wrong passwords in a row, each tried as soon as the throttle lets it be tried; what the form said. */
    private List<String> guessSixTimes(String username) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> SignInForm.attempt(base(), username, "guess-" + answers.size()),
                            answer -> answer.filter(
                                            message -> !message.startsWith("Too many failed sign-ins. Try again"))
                                    .isPresent())
                    .orElseThrow());
        }
        return answers;
    }

    @Test
    void guessingIsSlowedThenLockedAndTheRightPasswordWorksAgainAfterTheLockout() throws Exception {
        assertThat(guessSixTimes("dr.kim")).containsOnly(BAD);

        // the person and the administrators are told
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(message ->
                                GreenMailUtil.getBody(message).contains("The sign-in of dr.kim was locked")));
        MimeMessage alert = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getBody(message).contains("The sign-in of dr.kim was locked"))
                .findFirst()
                .orElseThrow();
        assertThat(GreenMailUtil.getAddressList(alert.getAllRecipients()))
                .contains("dr.kim@example.org", "ops.admin@example.org");

        Optional<String> whileLocked = SignInForm.attempt(base(), "dr.kim", RIGHT);
        assertThat(whileLocked)
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("Too many failed sign-ins: this account is locked. Try again in"));

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> SignInForm.attempt(base(), "dr.kim", RIGHT).isEmpty());
    }

    @Test
    void aFourthAttemptStraightAfterThreeFailuresWaitsEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> SignInForm.attempt(base(), "ana.author", "wrong"),
                            answer -> answer.equals(Optional.of(BAD)));
        }
        assertThat(SignInForm.attempt(base(), "ana.author", RIGHT))
                .hasValueSatisfying(
                        message -> assertThat(message).startsWith("Too many failed sign-ins. Try again in"));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> SignInForm.attempt(base(), "ana.author", RIGHT).isEmpty());
    }

    @Test
    void anUnknownNameIsAnsweredExactlyLikeARealOne() throws Exception {
        assertThat(guessSixTimes("nobody.here")).containsOnly(BAD);
        assertThat(SignInForm.attempt(base(), "nobody.here", RIGHT))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("Too many failed sign-ins: this account is locked. Try again in"));
    }

    @Test
    void theAuditTrailRecordsFailuresAndTheLockoutForAdministratorsOnly() throws Exception {
        guessSixTimes("eli.editor");

        HttpResponse<String> trail = audit("?subject=eli.editor&size=20", token("ops.admin", "ADMIN"));
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        JsonNode items = JsonMapper.builder().build().readTree(trail.body()).get("items");
        List<String> types =
                items.valueStream().map(item -> item.get("type").asString()).toList();
        assertThat(types)
                .contains("LOCKED_OUT")
                .filteredOn("SIGN_IN_FAILED"::equals)
                .hasSizeGreaterThanOrEqualTo(6);
        JsonNode failure = items.valueStream()
                .filter(item -> item.get("type").asString().equals("SIGN_IN_FAILED"))
                .findFirst()
                .orElseThrow();
        assertThat(failure.get("addressHash").asString()).hasSize(64).doesNotContain("127.0.0.1");
        assertThat(trail.body()).doesNotContain("guess-");

        assertThat(audit("", token("dr.rao", "MEDICAL_REVIEWER")).statusCode()).isEqualTo(403);
        assertThat(audit("", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> audit(String query, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff/audit" + query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String username, String role) {
        return PlatformTokens.of(platformKeys, username, role);
    }
}
