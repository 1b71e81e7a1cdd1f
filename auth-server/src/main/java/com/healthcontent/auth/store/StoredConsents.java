package com.healthcontent.auth.store;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/** What each person consented to for each client, in MongoDB with the authorizations: one document per pair. */
public class StoredConsents implements OAuth2AuthorizationConsentService {

    static final String COLLECTION = "oauth2_consents";

    private final MongoTemplate mongoTemplate;

    public StoredConsents(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        String id = id(consent.getRegisteredClientId(), consent.getPrincipalName());
        mongoTemplate
                .getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", id),
                        new Document("_id", id).append("consent", new Binary(StoredObjects.write(consent))),
                        new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        mongoTemplate.remove(
                Query.query(Criteria.where("_id").is(id(consent.getRegisteredClientId(), consent.getPrincipalName()))),
                COLLECTION);
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        Document document = mongoTemplate.findById(id(registeredClientId, principalName), Document.class, COLLECTION);
        return document == null
                ? null
                : StoredObjects.read(document.get("consent", Binary.class).getData(), OAuth2AuthorizationConsent.class);
    }

    private static String id(String registeredClientId, String principalName) {
        return registeredClientId + ":" + principalName;
    }
}
