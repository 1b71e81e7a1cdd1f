package com.healthcontent.exercises.routine;

import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/routines")
class RoutineController {

    private final Routines routines;

    RoutineController(Routines routines) {
        this.routines = routines;
    }

    /** Published routines; {@code exerciseId} narrows to the routines that use one exercise. */
    @GetMapping
    PagedResponse<RoutineView> list(@RequestParam(required = false) String exerciseId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PagedResponse.of(routines.published(exerciseId, Paging.of(page, size, Sort.by("name"))),
                routines::view);
    }

    @GetMapping("/{slug}")
    RoutineView bySlug(@PathVariable String slug) {
        return routines.view(routines.publishedBySlug(slug));
    }

    @PostMapping
    ResponseEntity<RoutineView> create(@Valid @RequestBody RoutineRequest body, Actor actor) {
        Routine routine = routines.create(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/routines/" + routine.slug())).body(routines.view(routine));
    }

    @PostMapping("/{id}/publication")
    RoutineView publish(@PathVariable String id, Actor actor) {
        return routines.view(routines.publish(id, actor));
    }
}
