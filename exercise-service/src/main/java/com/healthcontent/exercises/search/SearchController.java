package com.healthcontent.exercises.search;

import com.healthcontent.search.SearchQuery;
import com.healthcontent.search.SearchResults;
import com.healthcontent.search.SuggestQuery;
import com.healthcontent.search.Suggestion;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * This service's part of {@code GET /api/v1/search} (the gateway merges it with article-service's): listed exercises
 * and live routines ranked by how well they answer the reader's words.
 */
@RestController
@Tag(
        name = "Search",
        description = "Published exercises and routines ranked for a reader's words, with facets and suggestions")
@RequestMapping("/api/v1/search/exercises")
class SearchController {

    /** Short: a new publication shows in search within seconds on the instance, and within this in caches. */
    private static final CacheControl SHORT =
            CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private final ExerciseSearch search;

    SearchController(ExerciseSearch search) {
        this.search = search;
    }

    /**
     * {@code q} (required, at most 200 characters), facet filters ({@code type} (exercise, routine), {@code bodyRegion}, {@code position},
     * {@code difficulty}: several values by repeating or with commas), {@code page} and {@code size} (at most 500: the gateway asks for everything up to the page it merges; readers get pages of at most 50 from it).
     */
    @Parameters({
        @Parameter(
                name = "q",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "string"),
                required = true,
                description = "the words, at most 200 characters"),
        @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0")),
        @Parameter(
                name = "size",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "integer", minimum = "1", maximum = "500")),
        @Parameter(
                name = "type",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "string"),
                description = "facet filter: one or more values, comma-separated"),
        @Parameter(
                name = "bodyRegion",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "string"),
                description = "facet filter: one or more values, comma-separated"),
        @Parameter(
                name = "position",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "string"),
                description = "facet filter: one or more values, comma-separated"),
        @Parameter(
                name = "difficulty",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "string"),
                description = "facet filter: one or more values, comma-separated")
    })
    @GetMapping
    ResponseEntity<SearchResults> search(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return ResponseEntity.ok().cacheControl(SHORT).body(search.search(SearchQuery.of(parameters)));
    }

    /** Titles for a search box: {@code q} the words typed so far, {@code size} at most 10. */
    @Parameters({
        @Parameter(
                name = "q",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "string"),
                required = true,
                description = "the words typed so far"),
        @Parameter(
                name = "size",
                in = ParameterIn.QUERY,
                schema = @Schema(type = "integer", minimum = "1", maximum = "10"))
    })
    @GetMapping("/suggest")
    ResponseEntity<List<Suggestion>> suggest(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        SuggestQuery query = SuggestQuery.of(parameters);
        return ResponseEntity.ok().cacheControl(SHORT).body(search.suggest(query.prefix(), query.size()));
    }
}
