package com.healthcontent.messaging;

import org.bson.Document;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;

/** An update that makes a stored document's mapped fields those of a converted entity, leaving other fields alone. */
public final class StoredFields {

    private StoredFields() {}

    /**
     * Each field of {@code document} set, and each mapped field it leaves out (null) unset, the fields of {@code
     * @Unwrapped} properties included (they are stored at the top level too); the id is left alone.
     */
    public static Update setTo(
            MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext,
            MongoPersistentEntity<?> entity,
            Document document) {
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.set(field, value);
            }
        });
        unsetLeftOut(mappingContext, entity, document, update);
        return update;
    }

    private static void unsetLeftOut(
            MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext,
            MongoPersistentEntity<?> entity,
            Document document,
            Update update) {
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            if (property.isUnwrapped()) {
                unsetLeftOut(mappingContext, mappingContext.getRequiredPersistentEntity(property), document, update);
            } else if (!document.containsKey(property.getFieldName())) {
                update.unset(property.getFieldName());
            }
        });
    }
}
