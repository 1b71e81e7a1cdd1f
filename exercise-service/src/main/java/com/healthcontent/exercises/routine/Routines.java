package com.healthcontent.exercises.routine;

import com.healthcontent.editorial.archive.ArchivedRevision;
import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.StalledReviews;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.review.WorkflowView;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.events.Changed;
import com.healthcontent.exercises.exercise.Dose;
import com.healthcontent.exercises.exercise.Exercise;
import com.healthcontent.exercises.exercise.ExerciseCatalog;
import com.healthcontent.exercises.exercise.ExerciseContent;
import com.healthcontent.messaging.outbox.Outbox;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedQueries;
import com.healthcontent.servicedefaults.web.Slugs;
import com.healthcontent.servicedefaults.web.Versions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The routines' use cases: the workflow rules are in {@link Routine} (its {@link Workflow}); this class loads, checks what needs other data (the exercises, the
 * staff directory) and stores each step with its events through the outbox.
 */
@Service
public class Routines {

    /** Paths under /api/v1/routines that are not routines. */
    static final Set<String> RESERVED_SLUGS = Set.of("drafts", "review-queue");

    private final RoutineRepository repository;
    private final MongoTemplate mongoTemplate;
    private final ExerciseCatalog exercises;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final ReviewPolicy reviewPolicy;
    private final RevisionArchive archive;
    private final Clock clock;

    Routines(
            RoutineRepository repository,
            MongoTemplate mongoTemplate,
            ExerciseCatalog exercises,
            StaffDirectory staff,
            Outbox outbox,
            ReviewPolicy reviewPolicy,
            Clock clock,
            RevisionArchive archive) {
        this.archive = archive;
        this.repository = repository;
        this.mongoTemplate = mongoTemplate;
        this.exercises = exercises;
        this.staff = staff;
        this.outbox = outbox;
        this.reviewPolicy = reviewPolicy;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR')")
    public Routine create(RoutineRequest request, Actor actor) {
        String slug = request.slug() != null ? request.slug() : Slugs.fromTitle(request.name());
        if (!Slugs.isValid(slug)) {
            throw new InvalidInputException("slug", "cannot be made from this name; give one explicitly");
        }
        if (RESERVED_SLUGS.contains(slug)) {
            throw new InvalidInputException("slug", "'" + slug + "' is reserved for the API; choose another");
        }
        requireKnownExercises(request.content());
        if (repository.existsBySlug(slug)) {
            throw new ConflictException("A routine with slug '" + slug + "' already exists.");
        }
        return outbox.insert(Changed.of(Routine.draft(slug, request.content(), actor, clock.instant())));
    }

    /** Changes the working copy; a live routine keeps its approved version until a revision is published. */
    public Routine edit(String id, RoutineRequest request, String ifMatch, Actor actor) {
        Routine routine = byId(id);
        routine.workflow().requireWriter(ContentKind.ROUTINE, actor);
        Versions.requireMatch(ifMatch, routine.currentVersion());
        if (request.slug() != null && !request.slug().equals(routine.slug())) {
            throw new InvalidInputException(
                    "slug", "cannot change: links to '" + routine.slug() + "' must keep working");
        }
        requireKnownExercises(request.content());
        return outbox.save(routine.edit(request.content(), actor, clock.instant()));
    }

    /** Reviewers are checked against the staff directory, and every exercise must be listed, before the review. */
    public Routine submit(String id, List<String> reviewers, Actor actor) {
        Routine routine = byId(id);
        var profiles = staff.medicalReviewers(reviewers);
        requireListedExercises(routine.draft());
        return outbox.save(routine.submit(profiles, actor, clock.instant()));
    }

    public Routine withdraw(String id, String reason, Actor actor) {
        return outbox.save(byId(id).withdraw(reason, actor, clock.instant()));
    }

    public Routine reassign(String id, List<String> reviewers, Actor actor) {
        Routine routine = byId(id);
        return outbox.save(routine.reassign(staff.medicalReviewers(reviewers), actor, clock.instant()));
    }

    public Routine review(String id, boolean approved, String notes, Actor actor) {
        return outbox.save(byId(id).review(approved, notes, staff.profileOf(actor.username()), actor, clock.instant()));
    }

    /** A routine only goes public when every exercise in it is listed (published, not retired). */
    public Routine publish(String id, Workflow.Expiry expiry, Actor actor) {
        Routine routine = byId(id);
        requireListedExercises(routine.draft());
        Changed<Routine> publication = routine.publish(actor, clock.instant(), reviewPolicy, expiry);
        archive(publication.aggregate(), actor.username());
        return outbox.save(publication);
    }

    /** Keeps the live version in the archive: its publication, or (at start) one published before the archive. */
    public void archive(Routine routine, String publishedBy) {
        archive.record(
                routine.subject(),
                routine.workflow().publications(),
                routine.live(),
                routine.reviewedBy(),
                routine.workflow().history(),
                routine.lastPublishedAt(),
                publishedBy);
    }

    /** The published versions of a routine, newest first (staff). */
    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
    public List<ArchivedRevision> revisions(String id) {
        return archive.list(ContentKind.ROUTINE, id, byId(id).workflow().publications());
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
    public ArchivedRevision revision(String id, int number) {
        return archive.find(ContentKind.ROUTINE, id, number, byId(id).workflow().publications())
                .orElseThrow(() -> new ResourceNotFoundException("Revision", id + "/" + number));
    }

    public RoutineContent contentOf(ArchivedRevision revision) {
        return archive.content(revision, RoutineContent.class);
    }

    /** An old revision becomes the working copy again, and goes through review again. */
    public Routine restore(String id, int number, Actor actor) {
        RoutineContent restored = contentOf(revision(id, number));
        return outbox.save(byId(id).edit(restored, actor, clock.instant()));
    }

    /** Unpublishes live routines whose publication period is over, with the reason their editor gave. */
    public int unpublishExpired() {
        Instant now = clock.instant();
        Query over = Query.query(
                        Criteria.where("expiry.at").lte(now).and("live").ne(null))
                .limit(50);
        List<Routine> expired = mongoTemplate.find(over, Routine.class);
        expired.forEach(routine -> outbox.save(routine.expire(now)));
        return expired.size();
    }

    public Routine unpublish(String id, String reason, Actor actor) {
        return outbox.save(byId(id).unpublish(reason, actor, clock.instant()));
    }

    public Routine flagForReview(String id, String reason, Actor actor) {
        return outbox.save(byId(id).needsReview(reason, actor, clock.instant()));
    }

    /** Live routines whose periodic review is due go back to review while staying live. */
    public int markDueForReview() {
        int marked = 0;
        for (Routine routine : mongoTemplate.find(ReviewQueue.fallenDue(clock.instant(), 50), Routine.class)) {
            outbox.save(routine.needsReview("periodic medical review is due", null, clock.instant()));
            marked++;
        }
        return marked;
    }

    /** The caller's part of the review queue, as for articles and exercises. */
    /** In review and waiting on someone who can no longer review it: for editors to reassign. */
    public List<StalledReviews.Stalled> stalledReviews(Actor actor) {
        StalledReviews.requireEditor(actor);
        return StalledReviews.among(
                mongoTemplate,
                Routine.class,
                routine -> new Workflow.Subject(
                        ContentKind.ROUTINE,
                        routine.id(),
                        routine.slug(),
                        routine.draft().name()),
                Routine::workflow,
                staff);
    }

    @PreAuthorize("hasRole('MEDICAL_REVIEWER')")
    public List<ReviewQueue.Item> reviewQueue(Duration due, ReviewQueue.Cursor after, int size, Actor actor) {
        Criteria reviewedLive = Criteria.where("reviewedBy.reviewer")
                .is(actor.username())
                .and("live")
                .ne(null);
        return mongoTemplate
                .find(
                        ReviewQueue.query(actor.username(), due, clock.instant(), reviewedLive, after, size),
                        Routine.class)
                .stream()
                .map(routine -> ReviewQueue.item(
                        new Workflow.Subject(
                                ContentKind.ROUTINE,
                                routine.id(),
                                routine.slug(),
                                (due != null ? routine.live() : routine.draft()).name()),
                        routine.workflow(),
                        due != null))
                .toList();
    }

    /** Live routines, or those that use any of {@code exerciseIds} (each listed once) when some are given. */
    public Page<Routine> published(List<String> exerciseIds, Pageable pageable) {
        Criteria live = Criteria.where("live").ne(null);
        if (!exerciseIds.isEmpty()) {
            live = live.and("live.items.exerciseId").in(exerciseIds);
        }
        return PagedQueries.page(mongoTemplate, Query.query(live), pageable, Routine.class);
    }

    public Routine publishedBySlug(String slug) {
        return repository
                .findBySlug(slug)
                .filter(Routine::isLive)
                .orElseThrow(() -> new ResourceNotFoundException("Routine", slug));
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
    public Routine draft(String id) {
        return byId(id);
    }

    /** The signed record of what readers get now ({@link RevisionArchive#approval}). */
    public RevisionViews.SignedApproval approval(String slug) {
        Routine routine = publishedBySlug(slug);
        return archive.approval(
                routine.subject(),
                routine.workflow().publications(),
                routine.workflow().publications(),
                routine.live());
    }

    /** The live version, for readers: the exercises as published, with the dose that applies in this routine. */
    public RoutineView view(Routine routine) {
        archive.requireApproved(
                routine.subject(),
                routine.workflow().publications(),
                routine.workflow().publications(),
                routine.live());
        return views(List.of(routine)).get(0);
    }

    /** The views of a page of routines, with one lookup of the exercises of all of them. */
    public List<RoutineView> views(List<Routine> routines) {
        Map<String, Exercise> known = exercisesOf(routines.stream()
                .flatMap(routine -> routine.live().items().stream())
                .toList());
        return routines.stream()
                .map(routine -> RoutineView.of(routine, routine.live(), steps(routine.live(), known, true), null))
                .toList();
    }

    /** The working copy and its workflow, for staff; its exercises as they are now, drafts included. */
    public RoutineView draftView(Routine routine) {
        Map<String, Exercise> known = exercisesOf(routine.draft().items());
        WorkflowView workflow = WorkflowView.of(routine.workflow(), routine.isLive(), staff::profileOf);
        return RoutineView.of(routine, routine.draft(), steps(routine.draft(), known, false), workflow);
    }

    private static List<RoutineView.Step> steps(
            RoutineContent content, Map<String, Exercise> known, boolean forReaders) {
        List<RoutineView.Step> steps = new ArrayList<>();
        for (RoutineItem item : content.items()) {
            Exercise exercise = known.get(item.exerciseId());
            if (exercise == null || forReaders && !exercise.isLive()) {
                continue;
            }
            // readers get the approved version; staff may see a draft exercise in a routine under review
            ExerciseContent shown = exercise.isLive() ? exercise.content() : exercise.draft();
            Dose dose = item.dose() != null ? item.dose() : shown.dose();
            steps.add(new RoutineView.Step(
                    steps.size() + 1, exercise.id(), exercise.slug(), shown.name(), dose, dose.maxSessionSeconds()));
        }
        return steps;
    }

    /** Every item names an exercise this service has (400, naming each item that does not). */
    private void requireKnownExercises(RoutineContent content) {
        Map<String, Exercise> known = exercisesOf(content.items());
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < content.items().size(); i++) {
            if (!known.containsKey(content.items().get(i).exerciseId())) {
                unknown.add(new FieldViolation("items[" + i + "].exerciseId", "no such exercise"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
    }

    /** What reviewers approve and readers get only points at listed exercises (422, naming each item that does not). */
    private void requireListedExercises(RoutineContent content) {
        Map<String, Exercise> known = exercisesOf(content.items());
        List<FieldViolation> notListed = new ArrayList<>();
        for (int i = 0; i < content.items().size(); i++) {
            Exercise exercise = known.get(content.items().get(i).exerciseId());
            if (exercise == null || !exercise.isListed()) {
                notListed.add(new FieldViolation(
                        "items[" + i + "].exerciseId", "exercise is not published (or has been retired)"));
            }
        }
        if (!notListed.isEmpty()) {
            throw new UnprocessableContentException("Every exercise of a routine must be published first.", notListed);
        }
    }

    private Map<String, Exercise> exercisesOf(List<RoutineItem> items) {
        return exercises
                .byIds(items.stream().map(RoutineItem::exerciseId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Exercise::id, Function.identity()));
    }

    private Routine byId(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("Routine", id));
    }
}
