package com.healthcontent.auth.store;

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
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * Sign-in sessions (the login form's CSRF token, the authorization request waiting for the login, who signed in) in
 * MongoDB for Spring Session, so each step of a login may reach a different instance of the authorization server.
 * A session expires after {@code maxInactive} without a request, as a servlet container's would.
 */
public class StoredSessions implements SessionRepository<MapSession> {

    static final String COLLECTION = "login_sessions";

    private final MongoTemplate mongoTemplate;
    private final Duration maxInactive;
    private final Clock clock;

    public StoredSessions(MongoTemplate mongoTemplate, Duration maxInactive, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.maxInactive = maxInactive;
        this.clock = clock;
        mongoTemplate.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO));
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
        mongoTemplate.getCollection(COLLECTION).replaceOne(new Document("_id", session.getId()),
                new Document("_id", session.getId()).append("expiresAt", expiresAt)
                        .append("session", new Binary(StoredObjects.write(session))),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document document = mongoTemplate.findById(id, Document.class, COLLECTION);
        if (document == null) {
            return null;
        }
        MapSession session = StoredObjects.read(document.get("session", Binary.class).getData(), MapSession.class);
        session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance()); // not serialized with the session
        if (!session.getMaxInactiveInterval().isNegative()
                && session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isBefore(clock.instant())) {
            deleteById(id);
            return null;
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        mongoTemplate.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /** Every hour: the MongoDB wire server of the local stack keeps TTL indexes but never expires documents. */
    @Scheduled(fixedDelayString = "${platform.auth.sweep-interval:1h}", initialDelayString = "5m")
    public void forgetExpired() {
        mongoTemplate.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION);
    }
}
