package com.healthcontent.auth.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The append-only record of staff identity events, kept {@code platform.audit.retention} (two years) and then
 * removed by a daily job (the local stack's MongoDB wire server has no TTL indexes; a real MongoDB could use one).
 */
@Service
public class AuditTrail {

    /** At most this many entries per page. */
    public static final int MAX_PAGE = 200;

    private final MongoTemplate mongoTemplate;
    private final AddressHash addressHash;
    private final Clock clock;
    private final Duration retention;

    AuditTrail(
            MongoTemplate mongoTemplate,
            AddressHash addressHash,
            Clock clock,
            @Value("${platform.audit.retention:730d}") Duration retention) {
        this.mongoTemplate = mongoTemplate;
        this.addressHash = addressHash;
        this.clock = clock;
        this.retention = retention;
    }

    public void record(String type, String actor, String subject, String address, Map<String, String> details) {
        mongoTemplate.insert(new AuditEntry(
                UUID.randomUUID().toString(), clock.instant(), type, actor, subject, addressHash.of(address), details));
    }

    /** Newest first, optionally of one type or about one person, before a time (the previous page's last entry). */
    public List<AuditEntry> read(String type, String subject, Instant before, int size) {
        Criteria criteria = new Criteria();
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (subject != null) {
            criteria = criteria.and("subject").is(subject);
        }
        if (before != null) {
            criteria = criteria.and("at").lt(before);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(Math.min(Math.max(size, 1), MAX_PAGE));
        return mongoTemplate.find(query, AuditEntry.class);
    }

    @Scheduled(fixedDelayString = "${platform.audit.purge-interval:1d}", initialDelayString = "1m")
    void forgetExpired() {
        Instant cutoff = clock.instant().minus(retention);
        mongoTemplate.remove(Query.query(Criteria.where("at").lt(cutoff)), AuditEntry.class);
    }
}
