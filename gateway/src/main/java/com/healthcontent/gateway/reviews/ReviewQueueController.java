package com.healthcontent.gateway.reviews;

import com.healthcontent.gateway.pages.PageParts;
import com.healthcontent.gateway.web.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/me/reviews}: what awaits the caller's medical review, articles and exercises in one list,
 * oldest submission first (or, with {@code due=30d}, live content they reviewed whose review falls due, soonest
 * first). Each service answers its part for the caller's own token (and checks it); both parts are ordered by the
 * same instant and id and paged by the same keyset cursor, so merging them gives pages that never skip or repeat.
 * A part whose service is down is named in {@code unavailable}; a refusal (400, 401, 403) is passed on as it came.
 */
@RestController
class ReviewQueueController {

    private static final Comparator<JsonNode> QUEUE_ORDER = Comparator.comparing(
                    (JsonNode item) -> Instant.parse(item.get("at").asString()))
            .thenComparing(item -> item.get("id").asString());

    private final PageParts parts;

    ReviewQueueController(PageParts parts) {
        this.parts = parts;
    }

    /** One service's answer: its page, or the refusal to pass on, or nothing when it could not be reached. */
    private record Part(String name, JsonNode page, PageParts.Answer refusal) {}

    @GetMapping("/api/v1/me/reviews")
    Mono<ResponseEntity<Object>> reviews(
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size,
            ServerWebExchange exchange) {
        Mono<Part> articles =
                part("articles", "article-service", "/api/v1/articles/review-queue", due, after, size, exchange);
        Mono<Part> exercises =
                part("exercises", "exercise-service", "/api/v1/exercises/review-queue", due, after, size, exchange);
        Mono<Part> routines =
                part("routines", "exercise-service", "/api/v1/routines/review-queue", due, after, size, exchange);
        return Mono.zip(articles, exercises, routines)
                .map(parts -> merge(List.of(parts.getT1(), parts.getT2(), parts.getT3()), exchange));
    }

    private ResponseEntity<Object> merge(List<Part> parts, ServerWebExchange exchange) {
        Optional<Part> refused =
                parts.stream().filter(part -> part.refusal() != null).findFirst();
        if (refused.isPresent()) {
            return refused.get().refusal().passedOn(exchange);
        }
        if (parts.stream().allMatch(part -> part.page() == null)) {
            return Problems.entity(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The review queue cannot be read right now; try again shortly.");
        }
        List<String> unavailable = new CopyOnWriteArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        int size = 0;
        boolean more = false;
        for (Part part : parts) {
            if (part.page() == null) {
                unavailable.add(part.name());
                continue;
            }
            part.page().path("items").forEach(items::add);
            size = part.page().path("page").path("size").asInt();
            more |= part.page().path("page").has("next");
        }
        items.sort(QUEUE_ORDER);
        List<JsonNode> page = items.subList(0, Math.min(size, items.size()));
        more |= items.size() > page.size();
        JsonNode last = page.isEmpty() ? null : page.get(page.size() - 1);
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("size", size);
        if (more && last != null) {
            pageInfo.put(
                    "next", last.get("at").asString() + "," + last.get("id").asString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("page", pageInfo);
        body.put("unavailable", unavailable);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private Mono<Part> part(
            String name,
            String service,
            String path,
            String due,
            String after,
            Integer size,
            ServerWebExchange exchange) {
        String pathAndQuery = UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("due", Optional.ofNullable(due))
                .queryParamIfPresent("after", Optional.ofNullable(after))
                .queryParamIfPresent("size", Optional.ofNullable(size))
                .encode()
                .toUriString();
        return parts.getAsCaller(exchange, service, pathAndQuery)
                .map(answer -> answer.isSuccess()
                        ? new Part(name, answer.json(), null)
                        : new Part(name, null, answer.isRefusal() ? answer : null))
                .onErrorResume(unanswered -> Mono.just(new Part(name, null, null)));
    }
}
