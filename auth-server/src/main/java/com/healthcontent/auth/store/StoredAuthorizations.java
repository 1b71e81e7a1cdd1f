package com.healthcontent.auth.store;

import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations (with their codes, access, refresh and ID tokens) in MongoDB, shared by every instance of the
 * authorization server and kept across restarts: in one instance's memory a login started on one replica failed on
 * the other, and every refresh token died with a restart. One document per authorization, the object itself plus
 * the hashes of its token values to find it by; it expires with the last of its tokens (a TTL index, and a sweep
 * for the local stack's wire server, which never expires anything).
 */
public class StoredAuthorizations implements OAuth2AuthorizationService {

    static final String COLLECTION = "oauth2_authorizations";
    /** How long an authorization without tokens yet (between the login and the code's exchange) is kept. */
    private static final Duration UNFINISHED = Duration.ofMinutes(30);

    private static final Map<String, String> LOOKUP_FIELDS = Map.of(
            OAuth2ParameterNames.STATE,
            "state",
            OAuth2ParameterNames.CODE,
            "code",
            OAuth2TokenType.ACCESS_TOKEN.getValue(),
            "accessToken",
            OAuth2TokenType.REFRESH_TOKEN.getValue(),
            "refreshToken",
            OidcParameterNames.ID_TOKEN,
            "idToken",
            OAuth2ParameterNames.USER_CODE,
            "userCode",
            OAuth2ParameterNames.DEVICE_CODE,
            "deviceCode");

    private static final List<Map.Entry<String, Class<? extends OAuth2Token>>> TOKEN_TYPES = List.of(
            Map.entry(OAuth2ParameterNames.CODE, OAuth2AuthorizationCode.class),
            Map.entry(OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2AccessToken.class),
            Map.entry(OAuth2TokenType.REFRESH_TOKEN.getValue(), OAuth2RefreshToken.class),
            Map.entry(OidcParameterNames.ID_TOKEN, OidcIdToken.class),
            Map.entry(OAuth2ParameterNames.USER_CODE, OAuth2UserCode.class),
            Map.entry(OAuth2ParameterNames.DEVICE_CODE, OAuth2DeviceCode.class));

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    public StoredAuthorizations(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
        mongoTemplate
                .indexOps(COLLECTION)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
        LOOKUP_FIELDS
                .values()
                .forEach(field -> mongoTemplate
                        .indexOps(COLLECTION)
                        .createIndex(new Index().on(field, Sort.Direction.ASC).sparse()));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Document document = new Document("_id", authorization.getId())
                .append("registeredClientId", authorization.getRegisteredClientId())
                .append("principalName", authorization.getPrincipalName())
                .append("expiresAt", Date.from(expiresAt(authorization)))
                .append("authorization", new Binary(StoredObjects.write(authorization)));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            document.append("state", StoredObjects.hash(state));
        }
        tokens(authorization)
                .forEach((type, token) -> document.append(
                        LOOKUP_FIELDS.get(type),
                        StoredObjects.hash(token.getToken().getTokenValue())));
        mongoTemplate
                .getCollection(COLLECTION)
                .replaceOne(new Document("_id", authorization.getId()), document, new ReplaceOptions().upsert(true));
    }

    /** Every authorization of one person (their codes, access and refresh tokens) gone: none can be used again. */
    public void removeAllOf(String principalName) {
        mongoTemplate.remove(Query.query(Criteria.where("principalName").is(principalName)), COLLECTION);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongoTemplate.remove(Query.query(Criteria.where("_id").is(authorization.getId())), COLLECTION);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return read(mongoTemplate.findById(id, Document.class, COLLECTION));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        String hash = StoredObjects.hash(token);
        Criteria criteria;
        if (tokenType == null) {
            criteria = new Criteria()
                    .orOperator(LOOKUP_FIELDS.values().stream()
                            .map(field -> Criteria.where(field).is(hash))
                            .toArray(Criteria[]::new));
        } else {
            String field = LOOKUP_FIELDS.get(tokenType.getValue());
            if (field == null) {
                return null;
            }
            criteria = Criteria.where(field).is(hash);
        }
        return read(mongoTemplate.findOne(Query.query(criteria), Document.class, COLLECTION));
    }

    /** Every hour: the MongoDB wire server of the local stack keeps TTL indexes but never expires documents. */
    @Scheduled(fixedDelayString = "${platform.auth.sweep-interval:1h}", initialDelayString = "5m")
    public void forgetExpired() {
        mongoTemplate.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION);
    }

    private OAuth2Authorization read(Document document) {
        if (document == null
                || document.get("expiresAt", Date.class).toInstant().isBefore(clock.instant())) {
            return null;
        }
        return StoredObjects.read(document.get("authorization", Binary.class).getData(), OAuth2Authorization.class);
    }

    private Instant expiresAt(OAuth2Authorization authorization) {
        Instant latest = clock.instant().plus(UNFINISHED);
        for (OAuth2Authorization.Token<?> token : tokens(authorization).values()) {
            Instant expires = token.getToken().getExpiresAt();
            if (expires != null && expires.isAfter(latest)) {
                latest = expires;
            }
        }
        return latest;
    }

    private static Map<String, OAuth2Authorization.Token<?>> tokens(OAuth2Authorization authorization) {
        Map<String, OAuth2Authorization.Token<?>> tokens = new LinkedHashMap<>();
        for (Map.Entry<String, Class<? extends OAuth2Token>> type : TOKEN_TYPES) {
            OAuth2Authorization.Token<?> token = authorization.getToken(type.getValue());
            if (token != null) {
                tokens.put(type.getKey(), token);
            }
        }
        return tokens;
    }
}
