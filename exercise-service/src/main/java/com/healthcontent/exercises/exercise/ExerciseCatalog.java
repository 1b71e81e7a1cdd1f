package com.healthcontent.exercises.exercise;

import com.healthcontent.exercises.featured.FeaturedArticles;
import com.healthcontent.servicedefaults.events.IntegrationEvents;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import com.healthcontent.servicedefaults.web.Slugs;
import com.healthcontent.servicedefaults.web.Versions;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import com.healthcontent.servicedefaults.web.PagedQueries;
import org.springframework.stereotype.Service;

/** The exercise library's use cases: who may do what, and in which state. */
@Service
public class ExerciseCatalog {

    private final ExerciseRepository repository;
    private final MongoTemplate mongoTemplate;
    private final FeaturedArticles featuredArticles;
    private final IntegrationEvents events;
    private final Clock clock;

    ExerciseCatalog(ExerciseRepository repository, MongoTemplate mongoTemplate, FeaturedArticles featuredArticles,
            IntegrationEvents events, Clock clock) {
        this.repository = repository;
        this.mongoTemplate = mongoTemplate;
        this.featuredArticles = featuredArticles;
        this.events = events;
        this.clock = clock;
    }

    public Exercise create(ExerciseRequest request, Actor actor) {
        requireAnyRole(actor, Role.AUTHOR, Role.EDITOR);
        String slug = request.slug() != null ? request.slug() : Slugs.fromTitle(request.name());
        if (!Slugs.isValid(slug)) {
            throw new InvalidInputException("slug", "cannot be made from this name; give one explicitly");
        }
        if (repository.existsBySlug(slug)) {
            throw new ConflictException("An exercise with slug '" + slug + "' already exists.");
        }
        return repository.save(Exercise.draft(slug, request.content(), actor.username(), request.reviewers(),
                clock.instant()));
    }

    public Exercise update(String id, ExerciseRequest request, String ifMatch, Actor actor) {
        Exercise exercise = byId(id);
        if (!actor.has(Role.EDITOR) && !(actor.has(Role.AUTHOR) && actor.username().equals(exercise.author()))) {
            throw new ForbiddenException("Only the exercise's author or an editor may change it.");
        }
        Versions.requireMatch(ifMatch, exercise.currentVersion());
        if (request.slug() != null && !request.slug().equals(exercise.slug())) {
            throw new InvalidInputException("slug", "cannot change: links to '" + exercise.slug() + "' must keep working");
        }
        return repository.save(exercise.revise(request.content(), request.reviewers(), clock.instant(), events));
    }

    public Exercise publish(String id, Actor actor) {
        requireAnyRole(actor, Role.EDITOR);
        return repository.save(byId(id).publish(clock.instant(), events));
    }

    public Exercise retire(String id, Actor actor) {
        requireAnyRole(actor, Role.EDITOR);
        return repository.save(byId(id).retire(clock.instant(), events));
    }

    public Page<Exercise> published(ExerciseFilter filter, Pageable pageable) {
        Query query = Query.query(filter.toCriteria());
        return PagedQueries.page(mongoTemplate, query, pageable, Exercise.class);
    }

    /** Readers see published and retired exercises; drafts are staff-only, through {@link #draft}. */
    public ExerciseView publicView(String slug) {
        Exercise exercise = repository.findBySlug(slug)
                .filter(e -> e.status() != ExerciseStatus.DRAFT)
                .orElseThrow(() -> new ResourceNotFoundException("Exercise", slug));
        return view(exercise);
    }

    /** Only published exercises are played: a retired one is no longer recommended. */
    public Exercise publishedForSession(String slug) {
        return repository.findBySlug(slug).filter(e -> e.status() == ExerciseStatus.PUBLISHED)
                .orElseThrow(() -> new ResourceNotFoundException("Exercise", slug));
    }

    public Exercise draft(String id, Actor actor) {
        requireAnyRole(actor, Role.AUTHOR, Role.EDITOR, Role.MEDICAL_REVIEWER);
        return byId(id);
    }

    /** Views of a list page: what features each published exercise is read in one query, not one per exercise. */
    public List<ExerciseView> views(List<Exercise> exercises) {
        var featured = featuredArticles.featuring(exercises.stream()
                .filter(e -> e.status() == ExerciseStatus.PUBLISHED).map(Exercise::id).toList());
        return exercises.stream().map(e -> ExerciseView.of(e, featured.getOrDefault(e.id(), List.of()))).toList();
    }

    public ExerciseView view(Exercise exercise) {
        return ExerciseView.of(exercise, exercise.status() == ExerciseStatus.PUBLISHED
                ? featuredArticles.featuring(exercise.id()) : List.of());
    }

    public List<Exercise> byIds(List<String> ids) {
        return repository.findByIdIn(ids);
    }

    private Exercise byId(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("Exercise", id));
    }

    private static void requireAnyRole(Actor actor, Role... roles) {
        for (Role role : roles) {
            if (actor.has(role)) {
                return;
            }
        }
        throw new ForbiddenException("This needs one of the roles " + List.of(roles) + ".");
    }
}
