package com.healthcontent.gateway.search;

import com.healthcontent.gateway.pages.PageParts;
import com.healthcontent.gateway.web.Problems;
import com.healthcontent.gateway.web.StrongEtags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/search}: one ranked search over articles (article-service's index) and exercises and routines
 * (exercise-service's), and {@code GET /api/v1/search/suggest} for a search box. Each service ranks its own content
 * with the same analysis and scoring, so their scores are merged as they are; facet counts are added up. For page
 * {@code n} each service is asked for its best {@code (n + 1) * size}, so merged pages never skip or repeat. A
 * service that cannot answer is named in {@code unavailable} and the other's results still come; a refusal (400)
 * is passed on as it came, its {@code instance} the path the reader asked for (the service saw only its own).
 */
@RestController
class SearchController {

    private static final CacheControl SHORT =
            CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();
    private static final int MAX_SIZE = 50;
    private static final int MAX_RESULTS = 500;
    private static final Comparator<JsonNode> BEST_FIRST = Comparator.comparingDouble(
                    (JsonNode hit) -> -hit.path("score").asDouble())
            .thenComparing(hit -> hit.path("type").asString())
            .thenComparing(hit -> hit.path("slug").asString());

    /** Where each type of content is searched. */
    private enum Part {
        ARTICLES("articles", "article-service", "/api/v1/search/articles", Set.of("article")),
        EXERCISES("exercises", "exercise-service", "/api/v1/search/exercises", Set.of("exercise", "routine"));

        final String name;
        final String service;
        final String path;
        final Set<String> types;

        Part(String name, String service, String path, Set<String> types) {
            this.name = name;
            this.service = service;
            this.path = path;
            this.types = types;
        }
    }

    /** One service's answer: its results, or the refusal to pass on, or neither when it could not answer. */
    private record Answer(Part part, JsonNode body, PageParts.Answer refusal) {}

    // Records, so that their fields are written in this order every time: as a Map.of their fields came out in an
    // order that changed from one gateway start to the next, so the same answer had different bytes and ETags.
    private record FacetValue(String value, long count) {}

    private record Page(int number, int size) {}

    private final PageParts parts;
    private final StrongEtags etags;

    SearchController(PageParts parts, StrongEtags etags) {
        this.parts = parts;
        this.etags = etags;
    }

    @GetMapping("/api/v1/search")
    Mono<ResponseEntity<Object>> search(
            @RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
        Set<String> types = new LinkedHashSet<>();
        Optional.ofNullable(parameters.get("type")).orElse(List.of()).stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip)
                .filter(type -> !type.isEmpty())
                .forEach(types::add);
        Optional<String> unknownType = types.stream()
                .filter(type -> List.of(Part.values()).stream().noneMatch(part -> part.types.contains(type)))
                .findFirst();
        if (unknownType.isPresent()) {
            return Mono.just(
                    Problems.invalid(exchange, "type", "must be article, exercise or routine (several with commas)"));
        }
        Optional<ResponseEntity<Object>> badPage = paging(parameters, exchange);
        if (badPage.isPresent()) {
            return Mono.just(badPage.get());
        }
        int page = number(parameters, "page", 0);
        int size = number(parameters, "size", 10);
        MultiValueMap<String, String> asked = new LinkedMultiValueMap<>(parameters);
        asked.set("page", "0");
        asked.set("size", String.valueOf((page + 1) * size));
        List<Part> searched = List.of(Part.values()).stream()
                .filter(part -> types.isEmpty() || part.types.stream().anyMatch(types::contains))
                .toList();
        return Flux.fromIterable(searched)
                .flatMapSequential(part -> ask(exchange, part, "", asked))
                .collectList()
                .map(answers -> merge(answers, page, size, exchange));
    }

    @GetMapping("/api/v1/search/suggest")
    Mono<ResponseEntity<Object>> suggest(
            @RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
        int size = parameters.containsKey("size") && parameters.getFirst("size").matches("\\d{1,2}")
                ? Integer.parseInt(parameters.getFirst("size"))
                : 5;
        return Flux.fromArray(Part.values())
                .flatMapSequential(part -> ask(exchange, part, "/suggest", parameters))
                .collectList()
                .map(answers -> {
                    Optional<ResponseEntity<Object>> refused = refusal(answers, exchange);
                    if (refused.isPresent()) {
                        return refused.get();
                    }
                    List<JsonNode> suggestions = new ArrayList<>();
                    answers.stream()
                            .filter(answer -> answer.body() != null)
                            .forEach(answer -> answer.body().forEach(suggestions::add));
                    if (answers.stream().allMatch(answer -> answer.body() == null)) {
                        return unavailable(exchange);
                    }
                    // titles starting with the words come before titles containing them further in
                    String typed = parameters.getFirst("q").strip().toLowerCase(java.util.Locale.ROOT);
                    suggestions.sort(Comparator.comparing((JsonNode suggestion) -> !suggestion
                            .path("text")
                            .asString()
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith(typed)));
                    return ResponseEntity.ok()
                            .cacheControl(SHORT)
                            .body(suggestions.subList(0, Math.min(size, suggestions.size())));
                });
    }

    private Optional<ResponseEntity<Object>> paging(
            MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
        String page = parameters.getFirst("page");
        String size = parameters.getFirst("size");
        if (page != null && !page.matches("\\d{1,3}")) {
            return Optional.of(Problems.invalid(exchange, "page", "must be a number from 0"));
        }
        if (size != null
                && (!size.matches("\\d{1,2}") || Integer.parseInt(size) < 1 || Integer.parseInt(size) > MAX_SIZE)) {
            return Optional.of(Problems.invalid(exchange, "size", "must be a number from 1 to " + MAX_SIZE));
        }
        if ((number(parameters, "page", 0) + 1) * number(parameters, "size", 10) > MAX_RESULTS) {
            return Optional.of(Problems.invalid(
                    exchange, "page", "goes past the first " + MAX_RESULTS + " results; narrow the search instead"));
        }
        return Optional.empty();
    }

    private static int number(MultiValueMap<String, String> parameters, String name, int otherwise) {
        String value = parameters.getFirst(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    private Mono<Answer> ask(
            ServerWebExchange exchange, Part part, String path, MultiValueMap<String, String> parameters) {
        String pathAndQuery = UriComponentsBuilder.fromPath(part.path + path)
                .queryParams(parameters)
                .encode()
                .toUriString();
        return parts.get(exchange, part.service, pathAndQuery)
                .map(answer -> answer.isSuccess()
                        ? new Answer(part, answer.json(), null)
                        : new Answer(part, null, answer.isRefusal() ? answer : null))
                .onErrorResume(unanswered -> Mono.just(new Answer(part, null, null)));
    }

    private static Optional<ResponseEntity<Object>> refusal(List<Answer> answers, ServerWebExchange exchange) {
        return answers.stream()
                .filter(answer -> answer.refusal() != null)
                .findFirst()
                .map(answer -> answer.refusal().passedOn(exchange));
    }

    private static ResponseEntity<Object> unavailable(ServerWebExchange exchange) {
        return Problems.entity(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "Search is not answering right now; try again shortly.");
    }

    private ResponseEntity<Object> merge(List<Answer> answers, int page, int size, ServerWebExchange exchange) {
        Optional<ResponseEntity<Object>> refused = refusal(answers, exchange);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (answers.stream().allMatch(answer -> answer.body() == null)) {
            return unavailable(exchange);
        }
        List<JsonNode> hits = new ArrayList<>();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        long total = 0;
        String query = null;
        String corrected = null;
        for (Answer answer : answers) {
            if (answer.body() == null) {
                unavailable.add(answer.part().name);
                continue;
            }
            JsonNode body = answer.body();
            query = body.path("query").asString();
            if (corrected == null && body.hasNonNull("correctedQuery")) {
                corrected = body.get("correctedQuery").asString();
            }
            total += body.path("total").asLong();
            body.path("items").forEach(hits::add);
            body.path("facets")
                    .properties()
                    .forEach(facet -> facet.getValue()
                            .forEach(value -> facets.computeIfAbsent(facet.getKey(), key -> new LinkedHashMap<>())
                                    .merge(
                                            value.path("value").asString(),
                                            value.path("count").asLong(),
                                            Long::sum)));
        }
        hits.sort(BEST_FIRST);
        List<Map<String, Object>> items =
                hits.subList(Math.min(hits.size(), page * size), Math.min(hits.size(), (page + 1) * size)).stream()
                        .map(SearchController::item)
                        .toList();
        Map<String, List<FacetValue>> counted = new LinkedHashMap<>();
        facets.forEach((facet, values) -> counted.put(
                facet,
                values.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(value -> new FacetValue(value.getKey(), value.getValue()))
                        .toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("correctedQuery", corrected);
        body.put("total", total);
        body.put("page", new Page(page, size));
        body.put("items", items);
        body.put("facets", counted);
        body.put("unavailable", unavailable);
        return etags.of(
                ResponseEntity.ok()
                        .cacheControl(unavailable.isEmpty() ? SHORT : CacheControl.noStore())
                        .body(body),
                exchange);
    }

    /** What a reader's client needs of a hit; the score only ordered it. */
    private static Map<String, Object> item(JsonNode hit) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", hit.path("type").asString());
        item.put("slug", hit.path("slug").asString());
        item.put("title", hit.path("title").asString());
        item.put("summary", hit.path("summary").asString());
        List<String> highlights = new ArrayList<>();
        hit.path("highlights").forEach(highlight -> highlights.add(highlight.asString()));
        item.put("highlights", highlights);
        return item;
    }
}
