package com.healthcontent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.healthcontent.auth.audit.AuditEntry;
import com.healthcontent.auth.audit.AuditTrail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys as staff use them, in a real headless Chromium with a virtual authenticator (a device with a screen
 * lock): a reviewer adds one and signs in with it through the authorization code flow, getting a token with their
 * role; an administrator requires passkeys for reviewers, and a reviewer who signs in with a password is taken to add
 * their first passkey and use it before any token is issued; a disabled account's passkey signs nobody in; a password
 * alone cannot add a second passkey; bad input is refused naming the field. Skipped, not failed, where no Chromium is
 * installed; the API checks run everywhere. Its own database, on a port fixed before the start (passkeys are bound to
 * the page's origin, which the server must know).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REDIRECT = "http://localhost:3000/callback";
    static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    static final int PORT = freePort();
    static ChromeDriver browser;

    @Autowired
    JWKSource<SecurityContext> platformKeys;

    @Autowired
    AuditTrail audit;

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    VirtualAuthenticator device;
    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("platform.passkeys.allowed-origins", () -> base());
        registry.add("spring.mongodb.uri", () -> AuthStore.uri().replace("/auth-server", "/auth-server-passkeys"));
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    static String base() {
        return "http://localhost:" + PORT;
    }

    @BeforeAll
    static void startTheBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                new ChromeOptions()
                        .setBinary(CHROMIUM.toFile())
                        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each person their own device: a passkey one test made must not sign in the next test's person. */
    @BeforeEach
    void aNewDevice() {
        if (browser != null) {
            signOut();
            device = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true));
        }
    }

    @AfterEach
    void passwordsAreEnoughAgain() throws Exception {
        if (device != null) {
            browser.removeVirtualAuthenticator(device);
        }
        assertThat(setPolicy(List.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aReviewerAddsAPasskeyAndSignsInWithItForATokenWithTheirRole() throws Exception {
        requireBrowser();
        signInWithPassword("dr.rao", base() + "/account/passkeys");
        assertThat(text("h1")).isEqualTo("Your passkeys");
        fitsAPhone();
        addPasskey("Ärztezimmer laptop <1>");
        assertThat(text("ul.passkeys")).contains("Ärztezimmer laptop <1>");
        assertThat(entries("PASSKEY_ADDED", "dr.rao")).hasSize(1);
        // told by e-mail, in case it was not them
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(mail -> GreenMailUtil.getBody(mail).contains("laptop <1>")));
        MimeMessage told = Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> GreenMailUtil.getBody(mail).contains("laptop <1>"))
                .findFirst()
                .orElseThrow();
        assertThat(told.getSubject()).isEqualTo("A passkey was added to your account");
        assertThat(GreenMailUtil.getAddressList(told.getAllRecipients())).isEqualTo("dr.rao@example.org");

        signOut();
        Authorization authorization = new Authorization();
        browser.get(authorization.url());
        click(By.id("passkey-sign-in"));
        Jwt token = authorization.token();
        assertThat(token.getSubject()).isEqualTo("dr.rao");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("MEDICAL_REVIEWER");
        assertThat(entries(AuditEntry.SIGN_IN_SUCCEEDED, "dr.rao"))
                .anySatisfy(entry -> assertThat(entry.details()).containsEntry("method", "passkey"));

        // with the password only, the first passkey is there: no second one, and the page says how to go on
        HttpSession passwordOnly = HttpSession.signIn("dr.rao", "healthy-demo");
        HttpResponse<String> options = passwordOnly.post("/webauthn/register/options", "");
        assertThat(options.statusCode()).isEqualTo(403);
        assertThat(options.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(options.body()).path("detail").asString())
                .contains("Sign in with one of your passkeys");

        // the device is lost: an administrator removes the passkeys, and the password can add a new one
        HttpResponse<String> removed = admin("DELETE", "/api/v1/staff/accounts/dr.rao/passkeys", null);
        assertThat(JSON.readTree(removed.body()).path("removed").asInt()).isEqualTo(1);
        assertThat(passwordOnly.post("/webauthn/register/options", "").statusCode())
                .isEqualTo(200);
    }

    @Test
    void whenReviewersNeedAPasskeyAPasswordAloneGetsNoTokenAndLeadsToAddingOne() throws Exception {
        requireBrowser();
        assertThat(setPolicy(List.of("MEDICAL_REVIEWER", "EDITOR")).statusCode())
                .isEqualTo(200);

        Authorization authorization = new Authorization();
        signInWithPassword("dr.kim", authorization.url());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account/passkeys"));
        assertThat(text("main")).contains("Your role (MEDICAL_REVIEWER) signs in with a passkey");
        assertThat(text("main")).contains("Add your first passkey");
        addPasskey("Phone");
        click(By.id("passkey-sign-in"));
        assertThat(authorization.token().getSubject()).isEqualTo("dr.kim");

        // next time: the password leads to the passkey, and not to adding another
        signOut();
        Authorization again = new Authorization();
        signInWithPassword("dr.kim", again.url());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account/passkeys"));
        assertThat(text("main")).contains("Use your passkey to continue");
        assertThat(browser.findElements(By.id("passkey-add"))).isEmpty();
        click(By.id("passkey-sign-in"));
        assertThat(again.token().getClaimAsStringList("roles")).containsExactly("MEDICAL_REVIEWER");

        // roles the setting does not name still sign in with a password
        Authorization author = new Authorization();
        signOut();
        signInWithPassword("ana.author", author.url());
        assertThat(author.token().getSubject()).isEqualTo("ana.author");
    }

    @Test
    void aDisabledAccountsPasskeySignsNobodyIn() throws Exception {
        requireBrowser();
        signInWithPassword("eli.editor", base() + "/account/passkeys");
        addPasskey("Desk key");
        assertThat(admin("POST", "/api/v1/staff/accounts/eli.editor/disablement", null)
                        .statusCode())
                .isEqualTo(200);
        try {
            signOut();
            browser.get(base() + "/login");
            click(By.id("passkey-sign-in"));
            WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-problem")));
            assertThat(problem.getText()).contains("That passkey did not sign you in");
            assertThat(entries(AuditEntry.SIGN_IN_FAILED, "eli.editor"))
                    .anySatisfy(entry -> assertThat(entry.details()).containsEntry("reason", "account"));
        } finally {
            admin("DELETE", "/api/v1/staff/accounts/eli.editor/disablement", null);
        }
    }

    @Test
    void thePolicyAndNewPasskeysRefuseBadInputNamingTheField() throws Exception {
        HttpResponse<String> unknownRole = setPolicy(List.of("EDITOR", "JANITOR"));
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unknownRole.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("rolesRequiringPasskey[1]");
        assertThat(admin("GET", "/api/v1/staff/passkey-policy", null).body()).contains("\"rolesRequiringPasskey\":[]");

        HttpResponse<String> notAdmin = StaffApi.call(
                base(),
                PlatformTokens.of(platformKeys, "eli.editor", "EDITOR"),
                "PUT",
                "/api/v1/staff/passkey-policy",
                "{\"rolesRequiringPasskey\":[]}");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(admin("GET", "/api/v1/staff/accounts/nobody.here/passkeys", null)
                        .statusCode())
                .isEqualTo(404);

        HttpSession author = HttpSession.signIn("ana.author", "healthy-demo");
        for (String label : List.of("\"\"", "\"" + "x".repeat(61) + "\"", "\"tab\\there\"", "null")) {
            HttpResponse<String> refused =
                    author.post("/webauthn/register", "{\"publicKey\":{\"label\":" + label + ",\"credential\":{}}}");
            assertThat(refused.statusCode()).as(label).isEqualTo(400);
            assertThat(JSON.readTree(refused.body())
                            .path("errors")
                            .get(0)
                            .path("field")
                            .asString())
                    .isEqualTo("publicKey.label");
        }
        HttpResponse<String> tooLarge =
                author.post("/webauthn/register", "{\"publicKey\":{\"label\":\"" + "x".repeat(70_000) + "\"}}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    /** Every cookie of the browser gone (a sign-in session), whatever page it is on. */
    private static void signOut() {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * The sign-in page and this one at 320 px: nothing to scroll sideways, every control at least 44 px tall; then back
     * to a desktop's width, on this page.
     */
    private void fitsAPhone() {
        browser.manage().window().setSize(new Dimension(320, 800));
        try {
            for (String page : List.of(base() + "/login", browser.getCurrentUrl())) {
                browser.get(page);
                Number sideways = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(sideways.intValue())
                        .as("sideways scrolling on %s at 320 px", page)
                        .isLessThanOrEqualTo(0);
                assertThat(browser.findElements(By.cssSelector("button, input[type=text], input[type=password]")))
                        .filteredOn(WebElement::isDisplayed)
                        .isNotEmpty()
                        .allSatisfy(control -> assertThat(control.getSize().getHeight())
                                .as("height of %s on %s", control.getText(), page)
                                .isGreaterThanOrEqualTo(44));
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private void requireBrowser() {
        assumeTrue(
                browser != null,
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    private void signInWithPassword(String username, String startAt) {
        browser.get(startAt);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys("healthy-demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void addPasskey(String label) {
        WebElement name = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("label")));
        name.sendKeys(label);
        browser.findElement(By.cssSelector("#passkey-add button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), label));
    }

    private void click(By button) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(button))
                .click();
    }

    private String text(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
                .getText();
    }

    private List<AuditEntry> entries(String type, String subject) {
        return audit.read(type, subject, null, 50);
    }

    private HttpResponse<String> setPolicy(List<String> roles) throws Exception {
        return admin(
                "PUT", "/api/v1/staff/passkey-policy", JSON.writeValueAsString(Map.of("rolesRequiringPasskey", roles)));
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return StaffApi.call(base(), PlatformTokens.of(platformKeys, "ops.admin", "ADMIN"), method, path, body);
    }

    /** An authorization code request of the web client (PKCE), and the token its code is exchanged for. */
    final class Authorization {
        final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();

        String url() throws Exception {
            String challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            return base() + "/oauth2/authorize?response_type=code&client_id=web&scope=openid&state=s"
                    + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                    + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        }

        Jwt token() throws Exception {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("code="));
            String code = URI.create(browser.getCurrentUrl()).getQuery().replaceAll(".*code=([^&]+).*", "$1");
            String form = Map.of(
                            "grant_type", "authorization_code",
                            "code", code,
                            "redirect_uri", REDIRECT,
                            "client_id", "web",
                            "code_verifier", verifier)
                    .entrySet()
                    .stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode tokens = JSON.readTree(answer.body());
            return NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks")
                    .build()
                    .decode(tokens.path("access_token").asString());
        }
    }

    /** A person signed in with their password in a plain HTTP client, for the JSON endpoints the pages use. */
    record HttpSession(HttpClient client, String csrf) {

        static HttpSession signIn(String username, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> form = client.send(
                    HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = SignInForm.CSRF.matcher(form.body());
            assertThat(csrf.find()).isTrue();
            client.send(
                    HttpRequest.newBuilder(URI.create(base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create(base() + "/account/passkeys"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("signed in as " + username).isEqualTo(200);
            Matcher token = META_CSRF.matcher(page.body());
            assertThat(token.find()).isTrue();
            return new HttpSession(client, token.group(1));
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", csrf)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
