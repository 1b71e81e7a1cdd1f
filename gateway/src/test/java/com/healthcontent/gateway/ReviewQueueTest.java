package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.healthcontent.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/me/reviews} merges article-service's and exercise-service's queues (its exercises and routines) (stand-ins that page their
 * own items by the keyset cursor, as the services do): one order, pages that neither skip nor repeat, the caller's
 * token relayed, a refusal passed on, a service that is down named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class ReviewQueueTest {

    static final String DR_RAO = TestTokens.forUser("dr.rao", "MEDICAL_REVIEWER");
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final HttpServer articles = StandInService.start(
            queue("ARTICLE", "a", List.of("2026-11-01T08:00:00Z", "2026-11-03T08:00:00Z", "2026-11-05T08:00:00Z")));
    /** exercise-service serves two parts of the queue: its exercises' and its routines'. */
    static final HttpServer exercises = StandInService.start(exchange -> exchange.getRequestURI()
                    .getPath()
                    .startsWith("/api/v1/routines/")
            ? queue("ROUTINE", "r", List.of("2026-11-02T12:00:00Z")).apply(exchange)
            : queue("EXERCISE", "e", List.of("2026-11-02T08:00:00Z", "2026-11-03T08:00:00Z", "2026-11-04T08:00:00Z"))
                    .apply(exchange));

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("ARTICLE_SERVICE_URL", () -> StandInService.url(articles));
        registry.add("EXERCISE_SERVICE_URL", () -> StandInService.url(exercises));
        registry.add("FEEDBACK_SERVICE_URL", StandInService::down);
    }

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        authorizations.clear();
    }

    @AfterAll
    static void stop() {
        articles.stop(0);
        exercises.stop(0);
    }

    @Test
    void bothQueuesComeAsOneOldestFirstInPagesThatNeitherSkipNorRepeat() {
        List<String> ids = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/me/reviews?size=2" + after, DR_RAO, 200);
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            assertThat(page.get("unavailable")).isEmpty();
            after = page.get("page").has("next")
                    ? "&after=" + page.get("page").get("next").asString()
                    : null;
            pages++;
        } while (after != null && pages < 10);
        assertThat(ids)
                .containsExactly(
                        "a-2026-11-01T08:00:00Z",
                        "e-2026-11-02T08:00:00Z",
                        "r-2026-11-02T12:00:00Z",
                        "a-2026-11-03T08:00:00Z",
                        "e-2026-11-03T08:00:00Z",
                        "e-2026-11-04T08:00:00Z",
                        "a-2026-11-05T08:00:00Z");
        assertThat(authorizations).isNotEmpty().allMatch(("Bearer " + DR_RAO)::equals);
    }

    @Test
    void aRefusalComesAsTheServiceGaveIt() {
        JsonNode refused = get("/api/v1/me/reviews?due=forever", DR_RAO, 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("due");
        get("/api/v1/me/reviews", null, 401);
    }

    @Test
    void aServiceThatFailsIsNamedAndTheOtherPartStillComes() {
        JsonNode page = get("/api/v1/me/reviews?due=7d", DR_RAO, 200);
        assertThat(page.get("unavailable").valueStream().map(JsonNode::asString))
                .containsExactly("exercises", "routines");
        assertThat(page.get("items").findValuesAsString("type"))
                .containsOnly("ARTICLE")
                .hasSize(3);
    }

    private JsonNode get(String path, String token, int status) {
        var request = client.get().uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        String body = request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .returnResult(String.class)
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    /**
     * A service's queue: items at the given instants, ids "{prefix}-{at}", paged by size and the after cursor; 401
     * without a token and 400 for a window it does not understand, as the services answer.
     */
    static Function<HttpExchange, StandInService.Answer> queue(String type, String prefix, List<String> times) {
        return exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null) {
                return new StandInService.Answer(401, "{\"status\": 401, \"title\": \"Unauthorized\"}");
            }
            authorizations.add(authorization);
            String query = exchange.getRequestURI().getQuery() == null
                    ? ""
                    : exchange.getRequestURI().getQuery();
            if (query.contains("due=forever")) {
                return new StandInService.Answer(
                        400,
                        "{\"status\": 400, \"errors\": [{\"field\": \"due\", \"message\": \"a window of days\"}]}");
            }
            if (query.contains("due=7d") && !type.equals("ARTICLE")) {
                return new StandInService.Answer(503, "{\"status\": 503}"); // this test's way of failing
            }
            int size = 20;
            String after = null;
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("size=")) {
                    size = Integer.parseInt(parameter.substring(5));
                } else if (parameter.startsWith("after=")) {
                    after = java.net.URLDecoder.decode(parameter.substring(6), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            List<String> items = new ArrayList<>();
            for (String at : times) {
                String key = at + "," + prefix + "-" + at;
                if ((after == null || key.compareTo(after) > 0) && items.size() < size) {
                    items.add("{\"type\": \"%s\", \"id\": \"%s-%s\", \"at\": \"%s\"}".formatted(type, prefix, at, at));
                }
            }
            String next = items.size() < size
                    ? ""
                    : ", \"next\": \"%s\""
                            .formatted(times.get(times.indexOf(
                                            items.get(items.size() - 1).replaceAll(".*\"at\": \"([^\"]+)\".*", "$1")))
                                    + "," + items.get(items.size() - 1).replaceAll(".*\"id\": \"([^\"]+)\".*", "$1"));
            return new StandInService.Answer(
                    200, "{\"items\": [" + String.join(",", items) + "], \"page\": {\"size\": " + size + next + "}}");
        };
    }
}
