package com.healthcontent.articles.review;

import com.healthcontent.articles.article.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The workflow's timed steps: scheduled publications going live, and published articles whose next review date
 * has passed going to NEEDS_REVIEW. Safe on several instances at once: optimistic locking lets one instance win
 * per article, the others skip it, and each step writes its event with the change.
 */
@Component
class WorkflowJobs {

    private static final Logger log = LoggerFactory.getLogger(WorkflowJobs.class);

    private final Articles articles;

    WorkflowJobs(Articles articles) {
        this.articles = articles;
    }

    @Scheduled(fixedDelayString = "${platform.articles.scheduled-publication-check:15s}", initialDelayString = "5s")
    void publishScheduled() {
        try {
            int published = articles.publishScheduled();
            if (published > 0) {
                log.info("{} scheduled articles published", published);
            }
        } catch (OptimisticLockingFailureException raced) {
            log.debug("Another instance published an article first; the next run continues");
        }
    }

    /** Checked as often as scheduled publications: an article is taken down within seconds of its period's end. */
    @Scheduled(fixedDelayString = "${platform.articles.scheduled-publication-check:15s}", initialDelayString = "5s")
    void unpublishExpired() {
        try {
            int unpublished = articles.unpublishExpired();
            if (unpublished > 0) {
                log.info("{} articles unpublished at the end of their publication period", unpublished);
            }
        } catch (OptimisticLockingFailureException raced) {
            log.debug("Another instance changed an article first; the next run continues");
        }
    }

    @Scheduled(
            fixedDelayString = "${platform.review.check-interval:1h}",
            initialDelayString = "${platform.review.check-initial-delay:1m}")
    void markDueForReview() {
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
