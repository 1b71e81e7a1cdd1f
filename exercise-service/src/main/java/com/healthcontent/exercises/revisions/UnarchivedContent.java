package com.healthcontent.exercises.revisions;

import com.healthcontent.editorial.archive.ArchivedRevision;
import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.WorkflowStep;
import com.healthcontent.exercises.exercise.Exercise;
import com.healthcontent.exercises.exercise.ExerciseCatalog;
import com.healthcontent.exercises.routine.Routine;
import com.healthcontent.exercises.routine.Routines;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Exercises and routines published before the revision archive existed get their live version archived once,
 * before the service takes traffic, so that every live page can be checked against an archived revision. What is
 * live at the upgrade is taken as approved. Runs after routines stored unreviewed were rewritten.
 */
@Component
@Order(10)
public class UnarchivedContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnarchivedContent.class);

    private final MongoTemplate mongoTemplate;
    private final ExerciseCatalog exercises;
    private final Routines routines;
    private final RevisionArchive archive;

    UnarchivedContent(
            MongoTemplate mongoTemplate, ExerciseCatalog exercises, Routines routines, RevisionArchive archive) {
        this.mongoTemplate = mongoTemplate;
        this.archive = archive;
        this.exercises = exercises;
        this.routines = routines;
    }

    @Override
    public void run(ApplicationArguments args) {
        int archived = archiveAll();
        if (archived > 0) {
            log.info("Archived the live version of {} exercises and routines published before the archive", archived);
        }
    }

    /** Archives the live versions not archived yet; how many. */
    public int archiveAll() {
        int archived = 0;
        Set<String> known = archive.archivedIds(ContentKind.EXERCISE);
        for (Exercise exercise :
                mongoTemplate.find(Query.query(Criteria.where("content").ne(null)), Exercise.class)) {
            int revision = exercise.workflow().publications();
            if (exercise.isLive()
                    && !known.contains(ArchivedRevision.idOf(ContentKind.EXERCISE.type(), exercise.id(), revision))) {
                exercises.archive(exercise, WorkflowStep.SYSTEM);
                archived++;
            }
        }
        known = archive.archivedIds(ContentKind.ROUTINE);
        for (Routine routine :
                mongoTemplate.find(Query.query(Criteria.where("live").ne(null)), Routine.class)) {
            int revision = routine.workflow().publications();
            if (!known.contains(ArchivedRevision.idOf(ContentKind.ROUTINE.type(), routine.id(), revision))) {
                routines.archive(routine, WorkflowStep.SYSTEM);
                archived++;
            }
        }
        return archived;
    }
}
