package com.healthcontent.auth.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Links that let one person set their password once: an invitation or a password reset, valid 72 hours. Only a hash
 * of the link's secret is stored, so the database cannot be used to sign in as anyone; a link is spent the moment it
 * is used, by whichever instance serves it, and a new link for the same person replaces the old one.
 */
@Component
class OneTimeLinks {

    static final String COLLECTION = "one_time_links";
    static final Duration VALID_FOR = Duration.ofHours(72);

    enum Purpose {
        INVITATION,
        PASSWORD_RESET
    }

    /** A link as it is handed out: the secret and when it stops working. */
    record Link(String token, Instant expiresAt) {}

    private final MongoTemplate mongoTemplate;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeLinks(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    Link issue(String username, Purpose purpose, String by) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        mongoTemplate.remove(Query.query(Criteria.where("username").is(username)), COLLECTION);
        mongoTemplate.insert(
                new Document("_id", hash(token))
                        .append("username", username)
                        .append("purpose", purpose.name())
                        .append("createdBy", by)
                        .append("createdAt", now)
                        .append("expiresAt", now.plus(VALID_FOR)),
                COLLECTION);
        return new Link(token, now.plus(VALID_FOR));
    }

    /** Whose link this is, while it is valid and unused; nothing is spent. */
    Optional<String> holder(String token) {
        Document link = mongoTemplate.findOne(valid(token), Document.class, COLLECTION);
        return Optional.ofNullable(link).map(found -> found.getString("username"));
    }

    /** Spends the link: the username it was for, once; empty for an unknown, expired or spent link. */
    Optional<String> spend(String token) {
        Document spent = mongoTemplate.findAndRemove(valid(token), Document.class, COLLECTION);
        return Optional.ofNullable(spent).map(found -> found.getString("username"));
    }

    private Query valid(String token) {
        return Query.query(
                Criteria.where("_id").is(hash(token)).and("expiresAt").gt(clock.instant()));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
