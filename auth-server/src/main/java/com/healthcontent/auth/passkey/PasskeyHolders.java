package com.healthcontent.auth.passkey;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * The handle each person's passkeys know them by (a random id, created with their first passkey), by username:
 * what a passkey sign-in turns back into an account.
 */
@Component
class PasskeyHolders implements PublicKeyCredentialUserEntityRepository {

    @Document("passkey_holders")
    record Holder(
            @Id String username, @Indexed(unique = true) String userId, String displayName) {}

    private final MongoTemplate mongoTemplate;

    PasskeyHolders(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        Holder holder =
                mongoTemplate.findOne(Query.query(Criteria.where("userId").is(id.toBase64UrlString())), Holder.class);
        return holder == null ? null : entity(holder);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        Holder holder = mongoTemplate.findById(username, Holder.class);
        return holder == null ? null : entity(holder);
    }

    @Override
    public void save(PublicKeyCredentialUserEntity entity) {
        mongoTemplate.save(new Holder(entity.getName(), entity.getId().toBase64UrlString(), entity.getDisplayName()));
    }

    @Override
    public void delete(Bytes id) {
        mongoTemplate.remove(Query.query(Criteria.where("userId").is(id.toBase64UrlString())), Holder.class);
    }

    private static PublicKeyCredentialUserEntity entity(Holder holder) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .name(holder.username())
                .id(Bytes.fromBase64(holder.userId()))
                .displayName(holder.displayName())
                .build();
    }
}
