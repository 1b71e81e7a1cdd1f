package com.healthcontent.messaging.consumer;

import com.healthcontent.messaging.StoredFields;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The rule of every read model a service keeps from another service's events: keep the newest version. Events of
 * one aggregate arrive in order, but a replay or a redelivered older event must not undo a newer one.
 */
public final class ReadModels {

    private ReadModels() {}

    /**
     * Stores {@code entity} unless what is stored under its id has a higher {@code versionField}, in one conditional
     * upsert (no read first, so two consumers racing cannot store the older one last). Returns whether it was stored.
     */
    public static boolean keepNewest(MongoTemplate mongoTemplate, Object entity, String versionField) {
        Document document = new Document();
        mongoTemplate.getConverter().write(entity, document);
        Object id = document.get("_id");
        var mappingContext = mongoTemplate.getConverter().getMappingContext();
        Update update = StoredFields.setTo(
                mappingContext, mappingContext.getRequiredPersistentEntity(entity.getClass()), document);
        Query notNewer =
                Query.query(Criteria.where("_id").is(id).and(versionField).lte(document.get(versionField)));
        try {
            mongoTemplate.upsert(notNewer, update, entity.getClass());
            return true;
        } catch (DuplicateKeyException newerStored) {
            return false; // the id exists with a higher version: the upsert's insert collided with it
        }
    }
}
