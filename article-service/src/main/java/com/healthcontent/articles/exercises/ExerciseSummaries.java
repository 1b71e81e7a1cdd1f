package com.healthcontent.articles.exercises;

import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The local read model of exercises, kept from {@code exercise.events} (never read from exercise-service). An
 * event older than what is stored (lower version) changes nothing, so replays and reordering are harmless.
 */
@Configuration(proxyBeanMethods = false)
public class ExerciseSummaries {

    private final MongoTemplate mongoTemplate;

    ExerciseSummaries(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    public Optional<ExerciseSummary> find(String exerciseId) {
        return Optional.ofNullable(mongoTemplate.findById(exerciseId, ExerciseSummary.class));
    }

    public List<ExerciseSummary> findAll(Collection<String> exerciseIds) {
        return mongoTemplate.find(Query.query(Criteria.where("_id").in(exerciseIds)), ExerciseSummary.class);
    }

    @Bean
    IntegrationEventHandler<ExercisePublished> exercisePublished() {
        return IntegrationEventHandler.of(EventType.EXERCISE_PUBLISHED, ExercisePublished.class, this::keep);
    }

    @Bean
    IntegrationEventHandler<ExercisePublished> exerciseUpdated() {
        return IntegrationEventHandler.of(EventType.EXERCISE_UPDATED, ExercisePublished.class, this::keep);
    }

    @Bean
    IntegrationEventHandler<ExerciseRetired> exerciseRetired() {
        return IntegrationEventHandler.of(EventType.EXERCISE_RETIRED, ExerciseRetired.class, this::retire);
    }

    /** Idempotent: an event older than what is stored changes nothing. */
    public void retire(ExerciseRetired retired) {
        find(retired.exerciseId())
                .filter(known -> known.version() <= retired.version())
                .ifPresent(known -> mongoTemplate.save(new ExerciseSummary(known.exerciseId(), known.slug(),
                        known.name(), known.summary(), known.bodyRegions(), known.position(), true,
                        retired.version())));
    }

    /** Idempotent: an event older than what is stored changes nothing. */
    public void keep(ExercisePublished exercise) {
        Optional<ExerciseSummary> known = find(exercise.exerciseId());
        if (known.isEmpty() || known.get().version() <= exercise.version()) {
            mongoTemplate.save(new ExerciseSummary(exercise.exerciseId(), exercise.slug(), exercise.name(),
                    exercise.summary(), exercise.bodyRegions(), exercise.position(), false, exercise.version()));
        }
    }
}
