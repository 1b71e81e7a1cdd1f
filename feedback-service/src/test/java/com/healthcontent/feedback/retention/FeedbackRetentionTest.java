package com.healthcontent.feedback.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Raw feedback, alerts and deliveries are kept as long as documented (docs/operations.md, Retention), and no longer. */
@ServiceIntegrationTest
class FeedbackRetentionTest {

    @Autowired
    FeedbackRetention retention;

    @Autowired
    MongoTemplate mongoTemplate;

    final String run = UUID.randomUUID().toString();
    final Instant now = Instant.now();

    @Test
    void whatOutlivedItsRetentionIsRemovedAndTheRestStays() {
        insert("feedback", "vote-91-days", new Document("submittedAt", daysAgo(91)).append("reason", null));
        insert("feedback", "vote-89-days", new Document("submittedAt", daysAgo(89)).append("reason", null));
        insert("feedback", "report-91-days", new Document("submittedAt", daysAgo(91)).append("reason", "OUTDATED"));
        insert("feedback", "report-731-days", new Document("submittedAt", daysAgo(731)).append("reason", "OTHER"));
        insert("alerts", "alert-181-days", new Document("createdAt", daysAgo(181)));
        insert("alerts", "alert-179-days", new Document("createdAt", daysAgo(179)));
        insert("alert_deliveries", "sent-31-days", new Document("status", "SENT").append("deliveredAt", daysAgo(31)));
        insert(
                "alert_deliveries",
                "parked-31-days",
                new Document("status", "PARKED").append("nextAttemptAt", daysAgo(31)));
        insert("alert_deliveries", "sent-29-days", new Document("status", "SENT").append("deliveredAt", daysAgo(29)));
        // waiting for its digest hour (a due one would be taken by the delivery job)
        insert("alert_deliveries", "pending", new Document("status", "PENDING").append("nextAttemptAt", daysAgo(-1)));

        retention.sweep();

        assertThat(left("feedback")).containsExactlyInAnyOrder("vote-89-days", "report-91-days");
        assertThat(left("alerts")).containsExactly("alert-179-days");
        // a delivery still to be made stays
        assertThat(left("alert_deliveries")).containsExactlyInAnyOrder("sent-29-days", "pending");
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private void insert(String collection, String name, Document fields) {
        fields.append("_id", run + name).append("test", run);
        if (collection.equals("feedback")) { // unique per vote
            fields.append("voteKey", run + name).append("dedupeKey", run + name);
        }
        mongoTemplate.insert(fields, collection);
    }

    private List<String> left(String collection) {
        return mongoTemplate.find(Query.query(Criteria.where("test").is(run)), Document.class, collection).stream()
                .map(doc -> doc.getString("_id").substring(run.length()))
                .toList();
    }
}
