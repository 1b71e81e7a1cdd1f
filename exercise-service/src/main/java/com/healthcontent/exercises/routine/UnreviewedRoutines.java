package com.healthcontent.exercises.routine;

import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.WorkflowStep;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Routines stored before they were reviewed (one {@code name}, {@code goal} and {@code items}, DRAFT or PUBLISHED)
 * are rewritten once, before the service takes traffic, into a working copy and a live version. A published one
 * stays live for its readers but goes straight to NEEDS_REVIEW, due now: nobody has reviewed its doses, so it shows in
 * the editors' due-for-review list until a medical reviewer approves it. Each document is rewritten only while it
 * still has the old form, so several instances starting at once rewrite it once.
 */
@Component
@Order(1) // before the live routines are archived (UnarchivedContent)
class UnreviewedRoutines implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnreviewedRoutines.class);

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    UnreviewedRoutines(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int rewritten = rewriteAll();
        if (rewritten > 0) {
            log.info("{} routines written before routines were reviewed now go through review", rewritten);
        }
    }

    int rewriteAll() {
        Criteria oldForm = Criteria.where("draft").exists(false).and("items").exists(true);
        int rewritten = 0;
        for (Document old : mongoTemplate.find(Query.query(oldForm), Document.class, "routines")) {
            Date now = Date.from(clock.instant());
            boolean published = "PUBLISHED".equals(old.getString("status"));
            Document content = new Document("name", old.getString("name"))
                    .append("goal", old.getString("goal"))
                    .append("items", old.get("items"));
            String author = old.getString("author");
            List<Document> history = new ArrayList<>();
            history.add(step(old.getDate("createdAt"), author, "created", null, ContentStatus.DRAFT, null));
            Update update = new Update()
                    .set("draft", content)
                    .set("live", published ? content : null)
                    .set("updatedAt", now)
                    .unset("name")
                    .unset("goal")
                    .unset("items")
                    .inc("version", 1);
            if (published) {
                history.add(step(
                        old.getDate("publishedAt"),
                        author,
                        "published",
                        ContentStatus.DRAFT,
                        ContentStatus.PUBLISHED,
                        null));
                history.add(step(
                        now,
                        WorkflowStep.SYSTEM,
                        "needs review",
                        ContentStatus.PUBLISHED,
                        ContentStatus.NEEDS_REVIEW,
                        "published before routines were medically reviewed"));
                update.set("status", ContentStatus.NEEDS_REVIEW.name())
                        .set("publications", 1)
                        .set("lastPublishedAt", old.getDate("publishedAt"))
                        .set("nextReviewDue", now);
            } else {
                update.set("status", ContentStatus.DRAFT.name()).set("publications", 0);
            }
            update.set("history", history);
            Query stillOld =
                    Query.query(Criteria.where("_id").is(old.get("_id")).andOperator(oldForm));
            rewritten += (int)
                    mongoTemplate.updateFirst(stillOld, update, "routines").getModifiedCount();
        }
        return rewritten;
    }

    private static Document step(
            Date at, String actor, String action, ContentStatus from, ContentStatus to, String notes) {
        return new Document("at", at == null ? Date.from(Instant.EPOCH) : at)
                .append("actor", actor)
                .append("action", action)
                .append("from", from == null ? null : from.name())
                .append("to", to.name())
                .append("notes", notes);
    }
}
