package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.gateway.web.ClientAddresses;
import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.healthcontent.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Rate limits, CORS, the response cache, circuit breakers and the composed article page, in front of stand-in
 * services that can be switched off.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.rate-limit.feedback-per-minute=3",
            "platform.rate-limit.sign-in-per-minute=3",
            "platform.edge-cache.content-ttl=2s",
            "platform.circuit-breaker.minimum-calls=4",
            "platform.circuit-breaker.open-for=60s",
            "platform.proxies.reader-site-key=" + EdgeProtectionTest.SITE_KEY
        })
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
@SuppressWarnings("unchecked")
class EdgeProtectionTest {

    static final String SITE_KEY = "key-of-the-site";
    static final List<String> seen = new CopyOnWriteArrayList<>();
    /** What the services were told of the client (X-Forwarded-For) and whether any saw the site's key, by path. */
    static final Map<String, String> forwardedFor = new ConcurrentHashMap<>();

    static final List<String> keysSeen = new CopyOnWriteArrayList<>();
    static final AtomicBoolean articlesDown = new AtomicBoolean();
    static final AtomicBoolean exercisesDown = new AtomicBoolean();
    static final HttpServer services = StandInService.start(exchange -> {
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null) {
            forwardedFor.put(exchange.getRequestURI().getPath(), forwarded);
        }
        if (exchange.getRequestHeaders().containsKey(ClientAddresses.READER_SITE_KEY)) {
            keysSeen.add(exchange.getRequestURI().getPath());
        }
        return answer(exchange.getRequestURI().toString());
    });

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String url = StandInService.url(services);
        registry.add("ARTICLE_SERVICE_URL", () -> url);
        registry.add("EXERCISE_SERVICE_URL", () -> url);
        registry.add("FEEDBACK_SERVICE_URL", StandInService::down);
        registry.add("AUTH_SERVER_URL", () -> url);
        registry.add("READER_SITE_URL", () -> url);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        seen.clear();
        articlesDown.set(false);
        exercisesDown.set(false);
    }

    @AfterAll
    static void stop() {
        services.stop(0);
    }

    /** One allowance per client, whether the feedback comes to the API or as the reader site's form posts. */
    @Test
    void feedbackFromOneClientIsLimitedWith429AndRetryAfter() {
        client.post()
                .uri("/api/v1/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isNotEqualTo(429));
        for (String form : List.of("/feedback", "/feedback/details")) {
            client.post()
                    .uri(form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body("targetType=ARTICLE&targetId=a1&helpful=false")
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isNotEqualTo(429));
        }
        for (String form : List.of("/api/v1/feedback", "/feedback")) {
            client.post()
                    .uri(form)
                    .contentType(
                            form.startsWith("/api")
                                    ? MediaType.APPLICATION_JSON
                                    : MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form.startsWith("/api") ? "{}" : "targetType=ARTICLE&targetId=a1&helpful=true")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(seen).filteredOn(path -> path.startsWith("/feedback")).hasSize(2);

        // a reader's browser, over the limit, gets a page it can read, with the way back
        String page = client.post()
                .uri("/feedback")
                .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("targetType=ARTICLE&targetId=a1&helpful=true")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .returnResult(String.class)
                .getResponseBody();
        assertThat(page)
                .contains("<h1>Too many requests</h1>")
                .contains("Slow down: try again in")
                .contains("href=\"/\"");
    }

    /**
     * The reader site's calls show its key: the reader it names is the client, for the limits and for the services
     * (which never see the key), and a vote it sends on is not counted again, the reader's form post was. A wrong key
     * and the address named is not believed.
     */
    @Test
    void theReaderSiteIsBelievedAboutItsReadersOnlyWithItsKey() {
        client.get()
                .uri("/api/v1/articles/read-for-a-reader")
                .header(ClientAddresses.READER_SITE_KEY, SITE_KEY)
                .header("X-Forwarded-For", "203.0.113.50")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(forwardedFor).containsEntry("/api/v1/articles/read-for-a-reader", "203.0.113.50");

        client.get()
                .uri("/api/v1/articles/read-with-a-guessed-key")
                .header(ClientAddresses.READER_SITE_KEY, "guessed")
                .header("X-Forwarded-For", "203.0.113.51")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(forwardedFor.get("/api/v1/articles/read-with-a-guessed-key"))
                .as("the address this test connects from")
                .isNotNull()
                .isNotEqualTo("203.0.113.51");

        for (int i = 0; i < 5; i++) { // more than the 3 a minute of one reader: counted at their form posts
            client.post()
                    .uri("/api/v1/feedback")
                    .header(ClientAddresses.READER_SITE_KEY, SITE_KEY)
                    .header("X-Forwarded-For", "203.0.113.52")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}")
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isNotEqualTo(429));
        }
        assertThat(keysSeen).isEmpty();
    }

    /** Password guessing through the sign-in form is slowed at the edge too, per client address. */
    @Test
    void signInAttemptsFromOneClientAreLimitedWith429() {
        for (int i = 0; i < 3; i++) {
            client.post()
                    .uri("/login")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body("username=dr.rao&password=guess-" + i)
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isNotEqualTo(429));
        }
        client.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=dr.rao&password=guess-3")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
        // a passkey sign-in counts against the same allowance
        client.post()
                .uri("/login/webauthn")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        assertThat(seen).filteredOn(uri -> uri.startsWith("/login")).hasSize(3);
    }

    /** Passkey pages and ceremonies are the authorization server's, which checks the session and CSRF itself. */
    @Test
    void passkeyPagesAndCeremoniesReachTheAuthorizationServerWithoutAToken() {
        client.get().uri("/account/passkeys").exchange().expectStatus().isOk();
        client.post()
                .uri("/webauthn/authenticate/options")
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/account/passkeys/abc/removal")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(seen)
                .contains("/account/passkeys", "/webauthn/authenticate/options", "/account/passkeys/abc/removal");
    }

    @Test
    void corsPreflightFromTheWebOriginIsAllowedOthersAreNot() {
        client.options()
                .uri("/api/v1/articles")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
        client.options()
                .uri("/api/v1/articles")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void anonymousReadsAreCachedBrieflyStaffReadsNever() {
        client.get()
                .uri("/api/v1/articles/cached-one")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/api/v1/articles/cached-one")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(seen).filteredOn(path -> path.endsWith("/cached-one")).hasSize(1);

        String token = TestTokens.forUser("eli.editor", "EDITOR");
        client.get()
                .uri("/api/v1/articles/cached-one")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(seen).filteredOn(path -> path.endsWith("/cached-one")).hasSize(2);

        // short-lived: after the TTL the service is asked again (e.g. the article was unpublished meanwhile)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            client.get()
                    .uri("/api/v1/articles/cached-one")
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(seen).filteredOn(path -> path.endsWith("/cached-one")).hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void theCircuitBreakerOpensWhenAServiceIsDown() {
        for (int i = 0; i < 6; i++) {
            client.get()
                    .uri("/api/v1/feedback/reports")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser("dr.rao", "MEDICAL_REVIEWER"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(circuitBreakers
                        .getCircuitBreakerRegistry()
                        .circuitBreaker("feedback-service")
                        .getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void theArticlePageComposesEveryPartInOneResponse() {
        client.get()
                .uri("/api/v1/pages/articles/crack-your-back")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.article.slug")
                .isEqualTo("crack-your-back")
                .jsonPath("$.exercises[0].slug")
                .isEqualTo("knees-to-chest")
                .jsonPath("$.routines[0].slug")
                .isEqualTo("easing-a-stiff-back")
                .jsonPath("$.related[0].slug")
                .isEqualTo("stiff-neck")
                .jsonPath("$.unavailable")
                .value(parts -> assertThat((List<Object>) parts).containsExactly("feedback"));
    }

    @Test
    void theArticlePageHasAStrongEtagAndAnswers304WhenTheClientHoldsIt() {
        String etag = client.get()
                .uri("/api/v1/pages/articles/crack-your-back")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult()
                .getResponseHeaders()
                .getETag();
        assertThat(etag).startsWith("\"");
        client.get()
                .uri("/api/v1/pages/articles/crack-your-back")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag);
        client.get()
                .uri("/api/v1/pages/articles/crack-your-back")
                .header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void withoutExercisesThePageStillComesWithThosePartsMarked() {
        exercisesDown.set(true);
        client.get()
                .uri("/api/v1/pages/articles/crack-your-back")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.article.title")
                .exists()
                .jsonPath("$.unavailable")
                .value(parts -> assertThat((List<Object>) parts).contains("exercises", "routines", "feedback"));
    }

    @Test
    void withoutArticlesThereIsNoPage() {
        articlesDown.set(true);
        client.get()
                .uri("/api/v1/pages/articles/crack-your-back")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        articlesDown.set(false);
        client.get()
                .uri("/api/v1/pages/articles/no-such-article")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void oneSwaggerUiListsEveryService() {
        client.get()
                .uri("/v3/api-docs/gateway/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[*].name")
                .value(names -> assertThat((List<Object>) names)
                        .contains("article-service", "exercise-service", "feedback-service"));
    }

    private static StandInService.Answer answer(String path) {
        seen.add(path);
        if (path.startsWith("/api/v1/articles/no-such-article")) {
            return new StandInService.Answer(404, "{\"status\": 404}");
        }
        if (path.startsWith("/api/v1/articles")) {
            return new StandInService.Answer(articlesDown.get() ? 503 : 200, """
                    {"id": "a1", "slug": "crack-your-back", "title": "Is it good or bad to crack your back?",
                     "sections": [{"type": "TEXT", "body": "Why it pops [1]."},
                                  {"type": "EXERCISE", "exercise": {"id": "e1", "slug": "knees-to-chest"}}],
                     "related": [{"slug": "stiff-neck", "title": "Easing a stiff neck"}]}""");
        }
        if (path.startsWith("/api/v1/exercises/knees-to-chest")) {
            return new StandInService.Answer(
                    exercisesDown.get() ? 503 : 200,
                    "{\"id\": \"e1\", \"slug\": \"knees-to-chest\", \"name\": \"Knees to chest\"}");
        }
        if (path.startsWith("/api/v1/routines")) {
            return new StandInService.Answer(
                    exercisesDown.get() ? 503 : 200,
                    "{\"items\": [{\"slug\": \"easing-a-stiff-back\"}], \"page\": {}}");
        }
        return new StandInService.Answer(200, "{}");
    }
}
