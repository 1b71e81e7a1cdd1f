package com.healthcontent.feedback.alerts;

import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.web.PagedQueries;
import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** A staff member's alerts as they read them: the inbox, the unread count, and marking them read. */
@Service
class AlertInbox {

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    AlertInbox(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    Page<Alert> alerts(String recipient, boolean unreadOnly, Pageable pageable) {
        return PagedQueries.page(
                mongoTemplate, Query.query(unreadOnly ? unread(recipient) : of(recipient)), pageable, Alert.class);
    }

    long unreadCount(String recipient) {
        return mongoTemplate.count(Query.query(unread(recipient)), Alert.class);
    }

    /** Someone else's alert is not found: an id alone shows nothing of another person's inbox. */
    Alert markRead(String id, String recipient) {
        Alert alert = mongoTemplate.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("recipient").is(recipient)),
                new Update().set("readAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true),
                Alert.class);
        if (alert == null) {
            throw new ResourceNotFoundException("Alert", id);
        }
        return alert;
    }

    void markAllRead(String recipient) {
        mongoTemplate.updateMulti(
                Query.query(unread(recipient)), new Update().set("readAt", clock.instant()), Alert.class);
    }

    private static Criteria of(String recipient) {
        return Criteria.where("recipient").is(recipient);
    }

    private static Criteria unread(String recipient) {
        return of(recipient).and("readAt").is(null);
    }
}
