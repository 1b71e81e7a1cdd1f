package com.healthcontent.articles.exercises;

import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.messaging.consumer.ReadModels;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The local read model of exercises, kept from {@code exercise.events} (never read from exercise-service). An
 * event older than what is stored (lower version) changes nothing, so replays and reordering are harmless.
 */
@Component
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

    /** Idempotent: an event older than what is stored changes nothing. */
    @EventHandler(EventType.EXERCISE_RETIRED)
    public void retire(ExerciseRetired retired) {
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(retired.exerciseId())
                        .and("version")
                        .lte(retired.version())),
                new Update().set("retired", true).set("version", retired.version()),
                ExerciseSummary.class);
    }

    /** Idempotent: an event older than what is stored changes nothing. */
    @EventHandler({EventType.EXERCISE_PUBLISHED, EventType.EXERCISE_UPDATED})
    public void keep(ExercisePublished exercise) {
        ReadModels.keepNewest(
                mongoTemplate,
                new ExerciseSummary(
                        exercise.exerciseId(),
                        exercise.slug(),
                        exercise.name(),
                        exercise.summary(),
                        exercise.bodyRegions(),
                        exercise.position(),
                        false,
                        exercise.version()),
                "version");
    }
}
