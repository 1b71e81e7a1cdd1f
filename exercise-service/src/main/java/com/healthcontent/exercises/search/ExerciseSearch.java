package com.healthcontent.exercises.search;

import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.events.RoutinePublished;
import com.healthcontent.events.RoutineUnpublished;
import com.healthcontent.exercises.exercise.Exercise;
import com.healthcontent.exercises.exercise.ExerciseContent;
import com.healthcontent.exercises.exercise.ExerciseRepository;
import com.healthcontent.exercises.exercise.TextMatches;
import com.healthcontent.exercises.routine.Routine;
import com.healthcontent.exercises.routine.RoutineContent;
import com.healthcontent.exercises.routine.RoutineRepository;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.search.SearchDocument;
import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import com.healthcontent.search.SearchQuery;
import com.healthcontent.search.SearchResults;
import com.healthcontent.search.Suggestion;
import com.healthcontent.search.opensearch.SearchIndexes;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The listed exercises and live routines, searchable on this instance. Built from the database before the instance
 * takes requests, then kept current by the exercise and routine events (every instance hears them) and, at once, by
 * saves made here. Only what readers can open is indexed: no draft, no retired exercise.
 */
@Component
public class ExerciseSearch implements TextMatches, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExerciseSearch.class);
    static final Set<SearchFacet> FACETS =
            EnumSet.of(SearchFacet.TYPE, SearchFacet.BODY_REGION, SearchFacet.POSITION, SearchFacet.DIFFICULTY);

    /** Every instance's own index hears every change, beside the other features that do (views, read models). */
    static final String SEARCH = EventHandler.BROADCAST + "-search";

    private final SearchIndex index;
    private final MongoTemplate mongoTemplate;
    private final ExerciseRepository exercises;
    private final RoutineRepository routines;

    ExerciseSearch(
            MongoTemplate mongoTemplate,
            ExerciseRepository exercises,
            RoutineRepository routines,
            @Value("${platform.search.engine}") String engine,
            @Value("${platform.search.opensearch.url}") URI openSearch,
            @Value("${platform.search.opensearch.index}") String indexName) {
        this.index = SearchIndexes.open(engine, openSearch, indexName, FACETS);
        this.mongoTemplate = mongoTemplate;
        this.exercises = exercises;
        this.routines = routines;
    }

    public SearchResults search(SearchQuery query) {
        return index.search(query);
    }

    public List<Suggestion> suggest(String prefix, int limit) {
        return index.suggest(prefix, limit);
    }

    @Override
    public Set<String> exerciseIds(String words) {
        return new LinkedHashSet<>(index.matchingIds(
                new SearchQuery(words, Map.of(SearchFacet.TYPE, Set.of("exercise")), 0, SearchQuery.MAX_RESULTS)));
    }

    @Override
    public void afterSingletonsInstantiated() {
        index.replaceAll(this::listed);
        log.info("Search index: {} listed exercises and live routines", index.size());
    }

    private List<SearchDocument> listed() {
        List<SearchDocument> listed = new ArrayList<>();
        mongoTemplate
                .find(
                        Query.query(Criteria.where("content")
                                .ne(null)
                                .and("retiredAt")
                                .is(null)),
                        Exercise.class)
                .forEach(exercise -> listed.add(document(exercise)));
        mongoTemplate
                .find(Query.query(Criteria.where("live").ne(null)), Routine.class)
                .forEach(routine -> listed.add(document(routine)));
        return listed;
    }

    @EventListener
    void saved(AfterSaveEvent<?> saved) {
        if (saved.getSource() instanceof Exercise exercise) {
            reindex(exercise);
        } else if (saved.getSource() instanceof Routine routine) {
            reindex(routine);
        }
    }

    @EventHandler(
            value = {EventType.EXERCISE_PUBLISHED, EventType.EXERCISE_UPDATED},
            pipeline = SEARCH)
    void exercisePublished(ExercisePublished exercise) {
        exercises.findById(exercise.exerciseId()).ifPresent(this::reindex);
    }

    @EventHandler(value = EventType.EXERCISE_RETIRED, pipeline = SEARCH)
    void exerciseRetired(ExerciseRetired exercise) {
        exercises.findById(exercise.exerciseId()).ifPresent(this::reindex);
    }

    @EventHandler(
            value = {EventType.ROUTINE_PUBLISHED, EventType.ROUTINE_REVISED},
            pipeline = SEARCH)
    void routinePublished(RoutinePublished routine) {
        routines.findById(routine.routineId()).ifPresent(this::reindex);
    }

    @EventHandler(value = EventType.ROUTINE_UNPUBLISHED, pipeline = SEARCH)
    void routineUnpublished(RoutineUnpublished routine) {
        routines.findById(routine.routineId()).ifPresentOrElse(this::reindex, () -> index.remove(routine.routineId()));
    }

    @Override
    public void destroy() throws Exception {
        index.close();
    }

    private void reindex(Exercise exercise) {
        if (exercise.isListed()) {
            index.put(document(exercise));
        } else {
            index.remove(exercise.id());
        }
    }

    private void reindex(Routine routine) {
        if (routine.isLive()) {
            index.put(document(routine));
        } else {
            index.remove(routine.id());
        }
    }

    static SearchDocument document(Exercise exercise) {
        ExerciseContent content = exercise.content();
        String body = Stream.of(
                        content.steps(),
                        content.precautions(),
                        content.variations(),
                        content.equipment(),
                        content.whenToSeeSpecialist() == null
                                ? List.<String>of()
                                : List.of(content.whenToSeeSpecialist()))
                .flatMap(List::stream)
                .collect(Collectors.joining("\n"));
        return new SearchDocument(
                "exercise",
                exercise.id(),
                exercise.slug(),
                content.name(),
                content.summary(),
                List.of(),
                body,
                Map.of(
                        SearchFacet.TYPE,
                        List.of("exercise"),
                        SearchFacet.BODY_REGION,
                        names(content.bodyRegions()),
                        SearchFacet.POSITION,
                        content.position() == null
                                ? List.of()
                                : List.of(content.position().name()),
                        SearchFacet.DIFFICULTY,
                        content.difficulty() == null
                                ? List.of()
                                : List.of(content.difficulty().name())));
    }

    /** A routine is found by its name, its goal and the exercises in it, and counted under their body regions. */
    private SearchDocument document(Routine routine) {
        RoutineContent content = routine.live();
        List<ExerciseContent> steps = exercises.findByIdIn(content.exerciseIds()).stream()
                .filter(Exercise::isLive)
                .map(Exercise::content)
                .toList();
        return new SearchDocument(
                "routine",
                routine.id(),
                routine.slug(),
                content.name(),
                content.goal(),
                steps.stream().map(ExerciseContent::name).toList(),
                steps.stream().map(ExerciseContent::summary).collect(Collectors.joining("\n")),
                Map.of(
                        SearchFacet.TYPE, List.of("routine"),
                        SearchFacet.BODY_REGION,
                                names(steps.stream()
                                        .flatMap(step -> step.bodyRegions().stream())
                                        .collect(Collectors.toCollection(LinkedHashSet::new)))));
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().toList();
    }
}
