package com.healthcontent.exercises.exercise;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.exercises.featured.FeaturedArticles;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.servicedefaults.web.PublicViews;
import com.healthcontent.servicedefaults.web.Representation;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exercise's public view as the bytes readers get, held ready by {@link PublicViews}. Exercises saved on this
 * instance, and exercise and article events on every instance (a consumer group per instance), drop the views.
 */
@Component
class PublicExercises extends AbstractMongoEventListener<Exercise> {

    private final ExerciseCatalog catalog;
    private final FeaturedArticles featured;
    private final PublicViews views;
    private final JsonMapper jsonMapper;

    PublicExercises(
            ExerciseCatalog catalog,
            FeaturedArticles featured,
            ExerciseProperties properties,
            MeterRegistry meterRegistry,
            JsonMapper jsonMapper) {
        this.catalog = catalog;
        this.featured = featured;
        this.views = new PublicViews("exercise.public.views", properties.publicViews(), meterRegistry);
        this.jsonMapper = jsonMapper;
    }

    Representation exercise(String slug) {
        return views.get("exercise:" + slug, () -> Representation.json(jsonMapper, catalog.publicView(slug)));
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Exercise> saved) {
        views.invalidateAll();
    }

    @EventHandler(
            value = {EventType.EXERCISE_PUBLISHED, EventType.EXERCISE_UPDATED, EventType.EXERCISE_RETIRED},
            pipeline = EventHandler.BROADCAST)
    void exerciseChanged(Object exercise) {
        views.invalidateAll();
    }

    /**
     * Which articles feature an exercise changed: stored first, so that no view is rebuilt without it (the service's
     * own group stores it too, durably).
     */
    @EventHandler(
            value = {EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_REVISED},
            pipeline = EventHandler.BROADCAST)
    void articlePublished(ArticlePublished article) {
        featured.keep(article);
        views.invalidateAll();
    }

    @EventHandler(value = EventType.ARTICLE_UNPUBLISHED, pipeline = EventHandler.BROADCAST)
    void articleUnpublished(ArticleUnpublished article) {
        featured.remove(article);
        views.invalidateAll();
    }
}
