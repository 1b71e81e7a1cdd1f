package com.healthcontent.sessions;

import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * Browser sessions (a login form's CSRF token, an authorization request waiting for its answer, who signed in and,
 * in the console, their tokens) in MongoDB for Spring Session, so each request may reach a different instance. A
 * session expires after {@code maxInactive} without a request, as a servlet container's would. What a session holds
 * is read back only if {@link SerializedObjects} admits every class in it.
 */
public class StoredSessions implements SessionRepository<MapSession> {

    private final MongoTemplate mongoTemplate;
    private final String collection;
    /** Who is signed in to a session (its security context), kept beside it so their sessions can be ended. */
    private final PrincipalNameIndexResolver<MapSession> principals = new PrincipalNameIndexResolver<>();

    private final Duration maxInactive;
    private final SerializedObjects objects;
    private final Clock clock;

    public StoredSessions(
            MongoTemplate mongoTemplate,
            String collection,
            Duration maxInactive,
            SerializedObjects objects,
            Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.collection = collection;
        this.maxInactive = maxInactive;
        this.objects = objects;
        this.clock = clock;
        mongoTemplate
                .indexOps(collection)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(maxInactive);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) { // a new id after sign-in (session fixation)
            deleteById(session.getOriginalId());
            session = new MapSession(session); // its original id is now the new one
        }
        Date expiresAt = Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval()));
        mongoTemplate
                .getCollection(collection)
                .replaceOne(
                        new Document("_id", session.getId()),
                        new Document("_id", session.getId())
                                .append("expiresAt", expiresAt)
                                .append("principal", principals.resolveIndexValueFor(session))
                                .append("session", new Binary(objects.write(session))),
                        new ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document document = mongoTemplate.findById(id, Document.class, collection);
        if (document == null) {
            return null;
        }
        MapSession session = objects.read(document.get("session", Binary.class).getData(), MapSession.class);
        session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance()); // not serialized with the session
        if (!session.getMaxInactiveInterval().isNegative()
                && session.getLastAccessedTime()
                        .plus(session.getMaxInactiveInterval())
                        .isBefore(clock.instant())) {
            deleteById(id);
            return null;
        }
        return session;
    }

    /** Ends every session of one signed-in person at once (when their account is disabled, for example). */
    public void deleteByPrincipal(String principal) {
        mongoTemplate.remove(Query.query(Criteria.where("principal").is(principal)), collection);
    }

    @Override
    public void deleteById(String id) {
        mongoTemplate.remove(Query.query(Criteria.where("_id").is(id)), collection);
    }

    /**
     * Every hour (with {@code @EnableScheduling}): the MongoDB wire server of the local stack keeps TTL indexes but
     * never expires documents.
     */
    @Scheduled(fixedDelayString = "${platform.sessions.sweep-interval:1h}", initialDelayString = "5m")
    public void forgetExpired() {
        mongoTemplate.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), collection);
    }
}
