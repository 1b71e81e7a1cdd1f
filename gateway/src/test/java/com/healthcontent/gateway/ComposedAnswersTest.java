package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.healthcontent.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * What the gateway composes from several services, against stand-ins that answer as the services do.
 * {@code GET /api/v1/me/reviews} merges article-service's and exercise-service's queues (its exercises and
 * routines), each paged by the keyset cursor: one order, pages that neither skip nor repeat, the caller's token
 * relayed, a refusal passed on, a service that is down named. {@code GET /api/v1/search} merges both services'
 * ranked hits by score, adds up their facet counts, asks only the service of the types asked for, and pages the
 * merged list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class ComposedAnswersTest {

    static final String DR_RAO = TestTokens.forUser("dr.rao", "MEDICAL_REVIEWER");
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final List<String> searchesAsked = new CopyOnWriteArrayList<>();
    static final List<String> requestIds = new CopyOnWriteArrayList<>();
    static final List<String> forwardedHosts = new CopyOnWriteArrayList<>();
    static final HttpServer articles = StandInService.start(exchange -> exchange.getRequestURI()
                    .getPath()
                    .startsWith("/api/v1/search/")
            ? search(
                    exchange,
                    """
                            [{"type": "article", "id": "1", "slug": "a-best", "title": "A", "summary": "", "score": 3.0,
                              "highlights": ["<mark>back</mark> pain"]},
                             {"type": "article", "id": "2", "slug": "a-third", "title": "C", "summary": "", "score": 1.0,
                              "highlights": []}]""",
                    "{\"type\": [{\"value\": \"article\", \"count\": 2}], "
                            + "\"tag\": [{\"value\": \"back pain\", \"count\": 2}]}",
                    "[{\"text\": \"Back pain basics\", \"type\": \"article\", \"slug\": \"a-best\"}]")
            : queue("ARTICLE", "a", List.of("2026-11-01T08:00:00Z", "2026-11-03T08:00:00Z", "2026-11-05T08:00:00Z"))
                    .apply(exchange));
    /** exercise-service serves two parts of the queue (its exercises' and its routines') and its own search. */
    static final HttpServer exercises = StandInService.start(exchange -> {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/v1/search/")) {
            return search(
                    exchange,
                    """
                    [{"type": "exercise", "id": "3", "slug": "e-second", "title": "B", "summary": "", "score": 2.0,
                      "highlights": []},
                     {"type": "routine", "id": "4", "slug": "r-fourth", "title": "D", "summary": "", "score": 0.5,
                      "highlights": []}]""",
                    "{\"type\": [{\"value\": \"exercise\", \"count\": 1}, {\"value\": \"routine\", \"count\": 1}]}",
                    "[{\"text\": \"Back stretch\", \"type\": \"exercise\", \"slug\": \"e-second\"}]");
        }
        return path.startsWith("/api/v1/routines/")
                ? queue("ROUTINE", "r", List.of("2026-11-02T12:00:00Z")).apply(exchange)
                : queue(
                                "EXERCISE",
                                "e",
                                List.of("2026-11-02T08:00:00Z", "2026-11-03T08:00:00Z", "2026-11-04T08:00:00Z"))
                        .apply(exchange);
    });

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
        searchesAsked.clear();
        requestIds.clear();
        forwardedHosts.clear();
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
        assertThat(refused.get("instance").asString())
                .as("where the reader asked, not the service's own path")
                .isEqualTo("/api/v1/me/reviews");
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

    @Test
    void searchMergesBothServicesHitsByScoreAndAddsUpTheirFacets() {
        JsonNode found = get("/api/v1/search?q=back", null, 200);
        assertThat(found.get("items").findValuesAsString("slug"))
                .containsExactly("a-best", "e-second", "a-third", "r-fourth");
        assertThat(found.get("items").get(0).get("highlights").get(0).asString())
                .isEqualTo("<mark>back</mark> pain");
        assertThat(found.get("items").get(0).has("score")).isFalse();
        assertThat(found.get("total").asInt()).isEqualTo(4);
        assertThat(found.get("correctedQuery").asString()).isEqualTo("back");
        assertThat(found.get("facets").get("type").findValuesAsString("value"))
                .containsExactly("article", "exercise", "routine");
        assertThat(found.get("facets").get("tag").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(found.get("unavailable")).isEmpty();

        // page 1 of 2 each: both services asked for their best 4, the merged list cut at 2..4
        JsonNode second = get("/api/v1/search?q=back&page=1&size=2", null, 200);
        assertThat(second.get("items").findValuesAsString("slug")).containsExactly("a-third", "r-fourth");
        assertThat(searchesAsked)
                .filteredOn(asked -> asked.contains("page=1") || asked.contains("size=2"))
                .isEmpty();
        assertThat(searchesAsked).anyMatch(asked -> asked.contains("size=4") && asked.contains("page=0"));

        searchesAsked.clear();
        assertThat(get("/api/v1/search?q=back&type=article", null, 200)
                        .get("items")
                        .findValuesAsString("slug"))
                .containsExactly("a-best", "a-third");
        assertThat(searchesAsked).allMatch(asked -> asked.startsWith("/api/v1/search/articles"));

        assertThat(get("/api/v1/search/suggest?q=back", null, 200).findValuesAsString("slug"))
                .containsExactly("a-best", "e-second");
    }

    @Test
    void aMergedSearchCarriesAStrongEtagAndIsRevalidatedWithoutItsBody() {
        String etag = client.get()
                .uri("/api/v1/search?q=etag")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        assertThat(etag).startsWith("\"").endsWith("\"");
        byte[] revalidated = client.get()
                .uri("/api/v1/search?q=etag")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DR_RAO) // not from the edge cache: computed again
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .returnResult(byte[].class)
                .getResponseBody();
        assertThat(revalidated).isNullOrEmpty();
        client.get()
                .uri("/api/v1/search?q=etag&size=1")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void searchRefusalsAndOutagesAreAnsweredAsReadersNeed() {
        assertThat(get("/api/v1/search?q=back&type=video", null, 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("type");
        assertThat(get("/api/v1/search?q=back&size=51", null, 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("size");
        assertThat(get("/api/v1/search?q=back&page=60", null, 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("page");
        // the services' own refusal (an empty q here) as they gave it, but for where it happened
        JsonNode refused = get("/api/v1/search?q=refuse", null, 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(refused.get("instance").asString()).isEqualTo("/api/v1/search");
        JsonNode partly = get("/api/v1/search?q=fail", null, 200);
        assertThat(partly.get("unavailable").valueStream().map(JsonNode::asString))
                .containsExactly("exercises");
        assertThat(partly.get("items").findValuesAsString("type")).containsOnly("article");
    }

    @Test
    void everyPartIsAskedUnderTheReadersRequestIdAndForwardedAsTheGatewaysRequest() {
        client.get()
                .uri("/api/v1/search?q=neck")
                .header("X-Request-Id", "ticket-4711")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "ticket-4711");
        assertThat(requestIds).containsExactly("ticket-4711", "ticket-4711");
        // so that what a service writes of its address (a bearer challenge's metadata) names the gateway
        assertThat(forwardedHosts).containsExactly("localhost:" + port, "localhost:" + port);

        requestIds.clear();
        client.get()
                .uri("/api/v1/me/reviews")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DR_RAO)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(requestIds).hasSize(3).doesNotContain("null");
        assertThat(Set.copyOf(requestIds))
                .as("one id for the reader's request, not one per part")
                .hasSize(1);
    }

    /**
     * A service's search: {@code hits} for any words, a 400 naming {@code q} for "refuse", a 500 from exercise-service
     * for "fail"; {@code suggestions} under {@code /suggest}.
     */
    static StandInService.Answer search(HttpExchange exchange, String hits, String facets, String suggestions) {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        searchesAsked.add(path + "?" + query);
        requestIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
        forwardedHosts.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-Host")));
        if (query.contains("q=refuse")) {
            return new StandInService.Answer(
                    400,
                    "{\"status\": 400, \"instance\": \"" + path
                            + "\", \"errors\": [{\"field\": \"q\", \"message\": \"is required\"}]}");
        }
        if (query.contains("q=fail") && path.contains("exercises")) {
            return new StandInService.Answer(500, "{\"status\": 500}");
        }
        if (path.endsWith("/suggest")) {
            return new StandInService.Answer(200, suggestions);
        }
        return new StandInService.Answer(
                200,
                "{\"query\": \"bak\", \"correctedQuery\": \"back\", \"total\": 2, \"page\": 0, \"size\": 10, "
                        + "\"items\": " + hits + ", \"facets\": " + facets + "}");
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
            requestIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
            String query = exchange.getRequestURI().getQuery() == null
                    ? ""
                    : exchange.getRequestURI().getQuery();
            if (query.contains("due=forever")) {
                return new StandInService.Answer(
                        400,
                        "{\"status\": 400, \"instance\": \""
                                + exchange.getRequestURI().getPath()
                                + "\", \"errors\": [{\"field\": \"due\", \"message\": \"a window of days\"}]}");
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
