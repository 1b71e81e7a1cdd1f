package com.healthcontent.exercises.review;

import com.healthcontent.exercises.exercise.ExerciseCatalog;
import com.healthcontent.exercises.routine.Routines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Live exercises and routines whose next review date has passed go to NEEDS_REVIEW, stay live, and their reviewers
 * are alerted, as articles do; those whose publication period is over are retired (exercises) or unpublished
 * (routines). Safe on several instances at once: optimistic locking lets one instance win per item,
 * the others skip it, and each step writes its event with the change.
 */
@Component
class WorkflowJobs {

    private static final Logger log = LoggerFactory.getLogger(WorkflowJobs.class);

    private final ExerciseCatalog exercises;
    private final Routines routines;

    WorkflowJobs(ExerciseCatalog exercises, Routines routines) {
        this.exercises = exercises;
        this.routines = routines;
    }

    /** Every few seconds: content is taken down within seconds of its period's end. */
    @Scheduled(fixedDelayString = "${platform.exercises.publication-period-check:15s}", initialDelayString = "5s")
    void endExpiredPublications() {
        try {
            int ended = exercises.retireExpired() + routines.unpublishExpired();
            if (ended > 0) {
                log.info("{} exercises and routines taken down at the end of their publication period", ended);
            }
        } catch (OptimisticLockingFailureException raced) {
            log.debug("Another instance changed an item first; the next run continues");
        }
    }

    @Scheduled(
            fixedDelayString = "${platform.review.check-interval:1h}",
            initialDelayString = "${platform.review.check-initial-delay:1m}")
    void markDueForReview() {
        try {
            int marked = exercises.markDueForReview() + routines.markDueForReview();
            if (marked > 0) {
                log.info("{} exercises and routines are due for medical review", marked);
            }
        } catch (OptimisticLockingFailureException raced) {
            log.debug("Another instance marked an item first; the next run continues");
        }
    }
}
