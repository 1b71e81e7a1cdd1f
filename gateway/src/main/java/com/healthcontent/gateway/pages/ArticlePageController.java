package com.healthcontent.gateway.pages;

import com.healthcontent.gateway.web.Problems;
import com.healthcontent.gateway.web.StrongEtags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One request for everything an article page shows: the article, its exercise cards, the routines that use them,
 * its feedback summary and related articles, fetched in parallel. A part whose service is down is named in
 * {@code unavailable} and the page still comes (200); without the article itself there is no page (503).
 */
@RestController
class ArticlePageController {

    /** What exercise-service answers for one routines request: exercise ids at once, routines on a page. */
    private static final int MAX_EXERCISE_IDS = 50;

    private static final int ROUTINES_SHOWN = 100;

    private static final String ARTICLES = "article-service";
    private static final String EXERCISES = "exercise-service";
    private static final String FEEDBACK = "feedback-service";

    private final PageParts parts;
    private final StrongEtags etags;

    ArticlePageController(PageParts parts, StrongEtags etags) {
        this.parts = parts;
        this.etags = etags;
    }

    @GetMapping("/api/v1/pages/articles/{slug}")
    Mono<ResponseEntity<Object>> page(@PathVariable String slug, ServerWebExchange exchange) {
        return get(exchange, ARTICLES, "/api/v1/articles/{slug}", slug)
                .flatMap(article -> compose(article, exchange))
                .map(page -> etags.of(page, exchange))
                .onErrorResume(
                        failure -> failure instanceof PageParts.NotAnswered answered && answered.status() == 404,
                        notFound -> Mono.just(Problems.entity(
                                exchange, HttpStatus.NOT_FOUND, "Not found", "Article '" + slug + "' does not exist.")))
                .onErrorResume(down -> Mono.just(Problems.entity(
                        exchange,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service unavailable",
                        "Articles cannot be read right now; try again shortly.")));
    }

    private Mono<ResponseEntity<Object>> compose(JsonNode article, ServerWebExchange exchange) {
        List<String> unavailable = new CopyOnWriteArrayList<>();
        List<String> exerciseSlugs = new ArrayList<>();
        List<String> exerciseIds = new ArrayList<>();
        article.path("sections").forEach(section -> {
            JsonNode card = section.path("exercise");
            if (card.has("slug") && card.has("id")) {
                exerciseSlugs.add(card.get("slug").asString());
                exerciseIds.add(card.get("id").asString());
            }
        });
        // every part after the article at once: the article's cards name the exercises' ids, so the routines that
        // use them are one request beside the exercises, not one request per exercise after them
        Mono<List<JsonNode>> exerciseCards = Flux.fromIterable(exerciseSlugs)
                .flatMapSequential(s -> get(exchange, EXERCISES, "/api/v1/exercises/{slug}", s))
                .collectList()
                .onErrorResume(e -> unavailable("exercises", unavailable, List.of()));
        Mono<List<JsonNode>> routines = exerciseIds.isEmpty()
                ? Mono.just(List.of())
                : parts.json(
                                exchange,
                                EXERCISES,
                                UriComponentsBuilder.fromPath("/api/v1/routines")
                                        .queryParam(
                                                "exerciseId",
                                                exerciseIds.stream()
                                                        .distinct()
                                                        .limit(MAX_EXERCISE_IDS)
                                                        .toList())
                                        .queryParam("size", ROUTINES_SHOWN)
                                        .encode()
                                        .toUriString())
                        .map(page -> {
                            List<JsonNode> items = new ArrayList<>();
                            page.path("items").forEach(items::add);
                            return items;
                        })
                        .onErrorResume(e -> unavailable("routines", unavailable, List.of()));
        Mono<Object> summary = get(
                        exchange,
                        FEEDBACK,
                        "/api/v1/feedback/summary?type=ARTICLE&id={id}",
                        article.get("id").asString())
                .<Object>map(node -> node)
                .onErrorResume(e -> unavailable("feedback", unavailable, Map.of()));
        return Mono.zip(exerciseCards, routines, summary).map(parts -> {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("article", article);
            page.put("exercises", parts.getT1());
            page.put("routines", parts.getT2());
            page.put("feedback", parts.getT3() instanceof Map<?, ?> empty && empty.isEmpty() ? null : parts.getT3());
            page.put("related", article.path("related"));
            page.put("unavailable", List.copyOf(unavailable));
            // complete pages are revalidated on every use, as the article itself; partial ones never kept
            CacheControl cache = unavailable.isEmpty() ? CacheControl.noCache().cachePublic() : CacheControl.noStore();
            return ResponseEntity.ok().cacheControl(cache).<Object>body(page);
        });
    }

    private static <T> Mono<T> unavailable(String part, List<String> unavailable, T empty) {
        unavailable.add(part);
        return Mono.just(empty);
    }

    /** The service's JSON at {@code template}, its variables encoded into it. */
    private Mono<JsonNode> get(ServerWebExchange exchange, String service, String template, Object... variables) {
        return parts.json(
                exchange,
                service,
                UriComponentsBuilder.fromUriString(template)
                        .encode()
                        .buildAndExpand(variables)
                        .toUriString());
    }
}
