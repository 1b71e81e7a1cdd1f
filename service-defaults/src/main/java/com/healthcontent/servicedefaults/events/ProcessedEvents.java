package com.healthcontent.servicedefaults.events;

import java.time.Clock;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The ids of events this service has handled, so a redelivered event has no second effect. */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    /** Whether the consumer group already handled the event (each pipeline keeps its own record). */
    public boolean contains(String group, String eventId) {
        return mongoTemplate.exists(Query.query(Criteria.where("_id").is(group + ":" + eventId)), COLLECTION);
    }

    public void record(String group, String eventId, String type) {
        try {
            mongoTemplate.insert(new Document("_id", group + ":" + eventId).append("type", type)
                    .append("at", clock.instant()), COLLECTION);
        } catch (DuplicateKeyException alreadyRecorded) {
            // another instance handled the same delivery: the effect is idempotent, nothing to do
        }
    }
}
