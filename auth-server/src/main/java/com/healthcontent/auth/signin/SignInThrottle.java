package com.healthcontent.auth.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per account and per client address in MongoDB, so that every auth-server instance applies
 * the same limits. Accounts are counted by a hash of the username whether or not the account exists, so an unknown
 * name is slowed and locked exactly like a real one and the answers tell nothing about which names exist.
 */
@Component
class SignInThrottle {

    static final String COLLECTION = "sign_in_throttle";

    /** Why an attempt is refused before its password is checked, and until when. */
    record Refusal(Instant until, boolean lockedOut) {}

    private final MongoTemplate mongoTemplate;
    private final SignInLimits limits;
    private final Clock clock;

    SignInThrottle(MongoTemplate mongoTemplate, SignInLimits limits, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.limits = limits;
        this.clock = clock;
    }

    Optional<Refusal> check(String username, String addressHash) {
        Instant now = clock.instant();
        Document account = mongoTemplate.findById(accountKey(username), Document.class, COLLECTION);
        if (account != null) {
            Instant lockedUntil = instant(account, "lockedUntil");
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return Optional.of(new Refusal(lockedUntil, true));
            }
            Instant notBefore = instant(account, "notBefore");
            if (notBefore != null && notBefore.isAfter(now)) {
                return Optional.of(new Refusal(notBefore, false));
            }
        }
        if (addressHash != null) {
            Document address = mongoTemplate.findById(addressKey(addressHash), Document.class, COLLECTION);
            Instant notBefore = address == null ? null : instant(address, "notBefore");
            if (notBefore != null && notBefore.isAfter(now)) {
                return Optional.of(new Refusal(notBefore, false));
            }
        }
        return Optional.empty();
    }

    /** Counts a failure; true when it locked the account. */
    boolean failed(String username, String addressHash) {
        Instant now = clock.instant();
        if (addressHash != null) {
            int fromAddress = count(addressKey(addressHash), now);
            if (fromAddress >= limits.addressDelayAfter()) {
                delay(addressKey(addressHash), now, fromAddress - limits.addressDelayAfter());
            }
        }
        String key = accountKey(username);
        int inARow = count(key, now);
        if (inARow >= limits.lockoutAfter()) {
            // locked, and counted afresh once the lockout is over
            mongoTemplate.updateFirst(
                    Query.query(Criteria.where("_id").is(key)),
                    new Update()
                            .set("lockedUntil", now.plus(limits.lockout()))
                            .set("failures", 0)
                            .unset("notBefore"),
                    COLLECTION);
            return true;
        }
        if (inARow >= limits.delayAfter()) {
            delay(key, now, inARow - limits.delayAfter());
        }
        return false;
    }

    /** The right password: the account's failures are forgotten (the address's are not: others may be guessing). */
    void succeeded(String username) {
        mongoTemplate.remove(Query.query(Criteria.where("_id").is(accountKey(username))), COLLECTION);
    }

    /** One more failure, counted afresh when the last one is older than the window; the count after it. */
    private int count(String key, Instant now) {
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(key).and("lastFailure").lt(now.minus(limits.window()))),
                new Update().set("failures", 0),
                COLLECTION);
        Document counted = mongoTemplate.findAndModify(
                Query.query(Criteria.where("_id").is(key)),
                new Update().inc("failures", 1).set("lastFailure", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COLLECTION);
        return counted.getInteger("failures");
    }

    /** Waits of 1 s, 2 s, 4 s... up to the longest. */
    private void delay(String key, Instant now, int beyond) {
        Duration wait = Duration.ofSeconds(1L << Math.min(beyond, 20));
        if (wait.compareTo(limits.maxDelay()) > 0) {
            wait = limits.maxDelay();
        }
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(key)), new Update().set("notBefore", now.plus(wait)), COLLECTION);
    }

    private static Instant instant(Document document, String field) {
        java.util.Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static String accountKey(String username) {
        return "account:" + sha256(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String addressHash) {
        return "address:" + addressHash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
