package com.healthcontent.exercises.routine;

import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Routines", description = "Ordered exercises with optional dose overrides")
@RequestMapping("/api/v1/routines")
class RoutineController {

    private final Routines routines;

    RoutineController(Routines routines) {
        this.routines = routines;
    }

    /** An article page asks for the routines of all its exercises at once; more than this is not a page. */
    static final int MAX_EXERCISE_IDS = 50;

    /**
     * Published routines; {@code exerciseId} (repeatable, up to {@value #MAX_EXERCISE_IDS}) narrows to the routines
     * that use any of those exercises, each listed once.
     */
    @GetMapping
    PagedResponse<RoutineView> list(
            @RequestParam(required = false) List<String> exerciseId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<String> exerciseIds =
                exerciseId == null ? List.of() : exerciseId.stream().distinct().toList();
        if (exerciseIds.size() > MAX_EXERCISE_IDS) {
            throw new InvalidInputException("exerciseId", "at most " + MAX_EXERCISE_IDS + " exercises at once");
        }
        Page<Routine> found = routines.published(exerciseIds, Paging.of(page, size, Sort.by("name")));
        return PagedResponse.of(found, routines.views(found.getContent()));
    }

    @GetMapping("/{slug}")
    RoutineView bySlug(@PathVariable String slug) {
        return routines.view(routines.publishedBySlug(slug));
    }

    @ApiResponse(
            responseCode = "201",
            description = "Created: the routine and where it lives",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/routines/{slug}",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping
    ResponseEntity<RoutineView> create(@Valid @RequestBody RoutineRequest body, Actor actor) {
        Routine routine = routines.create(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/routines/" + routine.slug()))
                .body(routines.view(routine));
    }

    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PostMapping("/{id}/publication")
    RoutineView publish(@PathVariable String id, Actor actor) {
        return routines.view(routines.publish(id)); // actor: signed in (401); the role gate is the service's
    }
}
