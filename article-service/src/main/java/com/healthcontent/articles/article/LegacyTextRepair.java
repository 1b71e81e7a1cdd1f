package com.healthcontent.articles.article;

import com.healthcontent.events.Changed;
import com.healthcontent.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rewrites articles stored with escaped bodies (see {@link LegacyEscaping}) once, before the service takes traffic
 * and again periodically, in case an instance of an older version wrote one during a rolling update. Reading such
 * an article already gives the repaired text; this makes the stored document say it too. Safe on several
 * instances: each document is saved under its version, a concurrent repair loses and skips it.
 */
@Component
class LegacyTextRepair implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyTextRepair.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongoTemplate;
    private final Outbox outbox;

    LegacyTextRepair(MongoTemplate mongoTemplate, Outbox outbox) {
        this.mongoTemplate = mongoTemplate;
        this.outbox = outbox;
    }

    @Override
    public void run(ApplicationArguments args) {
        repairAll();
    }

    @Scheduled(
            fixedDelayString = "${platform.articles.text-repair-interval:10m}",
            initialDelayString = "${platform.articles.text-repair-interval:10m}")
    int repairAll() {
        int repaired = 0;
        int seen;
        int rounds = 0;
        do {
            var legacy = mongoTemplate.find(
                    Query.query(Criteria.where("textFormat").exists(false)).limit(BATCH), Article.class);
            seen = legacy.size();
            for (Article article : legacy) {
                try {
                    outbox.save(Changed.of(article));
                    repaired++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    log.debug(
                            "Article {} changed during its text repair; whoever saved it wrote repaired text",
                            article.id());
                }
            }
        } while (seen == BATCH && ++rounds < 1_000);
        if (repaired > 0) {
            log.info("Repaired the stored text of {} articles written when bodies were kept escaped", repaired);
        }
        return repaired;
    }
}
