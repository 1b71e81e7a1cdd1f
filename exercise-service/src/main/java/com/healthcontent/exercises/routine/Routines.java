package com.healthcontent.exercises.routine;

import com.healthcontent.exercises.exercise.Dose;
import com.healthcontent.exercises.exercise.Exercise;
import com.healthcontent.exercises.exercise.ExerciseCatalog;
import com.healthcontent.exercises.exercise.ExerciseContent;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.Slugs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Service
public class Routines {

    private final RoutineRepository repository;
    private final ExerciseCatalog exercises;
    private final Clock clock;

    Routines(RoutineRepository repository, ExerciseCatalog exercises, Clock clock) {
        this.repository = repository;
        this.exercises = exercises;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR')")
    public Routine create(RoutineRequest request, Actor actor) {
        String slug = request.slug() != null ? request.slug() : Slugs.fromTitle(request.name());
        if (!Slugs.isValid(slug)) {
            throw new InvalidInputException("slug", "cannot be made from this name; give one explicitly");
        }
        if (repository.existsBySlug(slug)) {
            throw new ConflictException("A routine with slug '" + slug + "' already exists.");
        }
        Map<String, Exercise> known = exercisesOf(request.items());
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            if (!known.containsKey(request.items().get(i).exerciseId())) {
                unknown.add(new FieldViolation("items[" + i + "].exerciseId", "no such exercise"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return repository.save(Routine.draft(
                slug, request.name(), request.goal(), request.items(), actor.username(), clock.instant()));
    }

    /** A routine can only go public when every exercise in it is published. */
    @PreAuthorize("hasRole('EDITOR')")
    public Routine publish(String id) {
        Routine routine = repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("Routine", id));
        Map<String, Exercise> known = exercisesOf(routine.items());
        List<FieldViolation> notPublished = new ArrayList<>();
        for (int i = 0; i < routine.items().size(); i++) {
            Exercise exercise = known.get(routine.items().get(i).exerciseId());
            if (exercise == null || !exercise.isListed()) {
                notPublished.add(new FieldViolation("items[" + i + "].exerciseId", "exercise is not published"));
            }
        }
        if (!notPublished.isEmpty()) {
            throw new UnprocessableContentException(
                    "Every exercise of a routine must be published first.", notPublished);
        }
        return repository.save(routine.publish(clock.instant()));
    }

    /** Published routines, or those that use any of {@code exerciseIds} (each listed once) when some are given. */
    public Page<Routine> published(List<String> exerciseIds, Pageable pageable) {
        return exerciseIds.isEmpty()
                ? repository.findByStatus(RoutineStatus.PUBLISHED, pageable)
                : repository.findByStatusAndItemsExerciseIdIn(RoutineStatus.PUBLISHED, exerciseIds, pageable);
    }

    public Routine publishedBySlug(String slug) {
        return repository
                .findBySlug(slug)
                .filter(r -> r.status() == RoutineStatus.PUBLISHED)
                .orElseThrow(() -> new ResourceNotFoundException("Routine", slug));
    }

    public RoutineView view(Routine routine) {
        return view(routine, exercisesOf(routine.items()));
    }

    /** The views of a page of routines, with one lookup of the exercises of all of them. */
    public List<RoutineView> views(List<Routine> routines) {
        Map<String, Exercise> known = exercisesOf(
                routines.stream().flatMap(routine -> routine.items().stream()).toList());
        return routines.stream().map(routine -> view(routine, known)).toList();
    }

    private static RoutineView view(Routine routine, Map<String, Exercise> known) {
        List<RoutineView.Step> steps = new ArrayList<>();
        int total = 0;
        for (RoutineItem item : routine.items()) {
            Exercise exercise = known.get(item.exerciseId());
            if (exercise == null || !exercise.isLive() && routine.status() == RoutineStatus.PUBLISHED) {
                continue;
            }
            // readers get the approved version; a routine still in draft may show a draft exercise to its author
            ExerciseContent shown = exercise.isLive() ? exercise.content() : exercise.draft();
            Dose dose = item.dose() != null ? item.dose() : shown.dose();
            int seconds = dose.maxSessionSeconds();
            total += seconds;
            steps.add(new RoutineView.Step(
                    steps.size() + 1, exercise.id(), exercise.slug(), shown.name(), dose, seconds));
        }
        return new RoutineView(
                routine.id(),
                routine.slug(),
                routine.name(),
                routine.goal(),
                routine.status(),
                steps,
                total,
                routine.publishedAt());
    }

    private Map<String, Exercise> exercisesOf(List<RoutineItem> items) {
        return exercises
                .byIds(items.stream().map(RoutineItem::exerciseId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Exercise::id, Function.identity()));
    }
}
