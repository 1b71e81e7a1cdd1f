package com.healthcontent.exercises.session;

import com.healthcontent.exercises.exercise.Exercise;
import com.healthcontent.exercises.exercise.ExerciseCatalog;
import com.healthcontent.exercises.routine.Routine;
import com.healthcontent.exercises.routine.RoutineItem;
import com.healthcontent.exercises.routine.Routines;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Guided sessions for a routine, or for one exercise on its own. */
@RestController
@Tag(name = "Guided sessions", description = "Timed plans a mobile client plays step by step")
class SessionController {

    private final Routines routines;
    private final ExerciseCatalog exercises;
    private final SessionPlanner planner = new SessionPlanner();

    SessionController(Routines routines, ExerciseCatalog exercises) {
        this.routines = routines;
        this.exercises = exercises;
    }

    @GetMapping("/api/v1/routines/{slug}/session")
    SessionPlan routine(@PathVariable String slug) {
        Routine routine = routines.publishedBySlug(slug);
        Map<String, Exercise> byId =
                exercises
                        .byIds(routine.live().items().stream()
                                .map(RoutineItem::exerciseId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Exercise::id, Function.identity()));
        List<SessionPlanner.Planned> items = routine.live().items().stream()
                .filter(item -> byId.containsKey(item.exerciseId())
                        && byId.get(item.exerciseId()).isListed())
                .map(item -> {
                    Exercise exercise = byId.get(item.exerciseId());
                    return new SessionPlanner.Planned(
                            exercise,
                            item.dose() != null
                                    ? item.dose()
                                    : exercise.content().dose());
                })
                .toList();
        return planner.plan(routine.live().name(), items);
    }

    @GetMapping("/api/v1/exercises/{slug}/session")
    SessionPlan exercise(@PathVariable String slug) {
        Exercise exercise = exercises.publishedForSession(slug);
        return planner.plan(
                exercise.content().name(),
                List.of(new SessionPlanner.Planned(exercise, exercise.content().dose())));
    }
}
