package com.healthcontent.exercises.exercise;

import com.healthcontent.servicedefaults.web.PublicViews;
import com.healthcontent.servicedefaults.web.Representation;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exercise's public view as the bytes readers get, held ready by {@link PublicViews}. Exercises saved on this
 * instance, and exercise and article events on every instance ({@link PublicViewRefresh}), drop the views.
 */
@Component
class PublicExercises extends AbstractMongoEventListener<Exercise> {

    private final ExerciseCatalog catalog;
    private final PublicViews views;
    private final JsonMapper jsonMapper;

    PublicExercises(ExerciseCatalog catalog, PublicViews views, JsonMapper jsonMapper) {
        this.catalog = catalog;
        this.views = views;
        this.jsonMapper = jsonMapper;
    }

    Representation exercise(String slug) {
        return views.get("exercise:" + slug, () -> Representation.json(jsonMapper, catalog.publicView(slug)));
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Exercise> saved) {
        views.invalidateAll();
    }
}
