package com.healthcontent.articles.review;

import com.healthcontent.articles.article.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves published articles whose next review date has passed to NEEDS_REVIEW. Several instances may run it at
 * once: optimistic locking lets one of them win per article and the others skip it.
 */
@Component
class ReviewDueJob {

    private static final Logger log = LoggerFactory.getLogger(ReviewDueJob.class);

    private final Articles articles;

    ReviewDueJob(Articles articles) {
        this.articles = articles;
    }

    @Scheduled(fixedDelayString = "${platform.articles.review.check-interval:1h}", initialDelayString = "1m")
    void markDue() {
        try {
            int marked = articles.markDueForReview();
            if (marked > 0) {
                log.info("{} articles are due for medical review", marked);
            }
        } catch (OptimisticLockingFailureException raced) {
            log.debug("Another instance marked an article first; the next run continues");
        }
    }
}
