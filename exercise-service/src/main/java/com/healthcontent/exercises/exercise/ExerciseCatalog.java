package com.healthcontent.exercises.exercise;

import com.healthcontent.editorial.archive.ArchivedRevision;
import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.StalledReviews;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.events.Changed;
import com.healthcontent.exercises.featured.FeaturedArticles;
import com.healthcontent.messaging.outbox.Outbox;
import com.healthcontent.provenance.ContentDigest;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedQueries;
import com.healthcontent.servicedefaults.web.Slugs;
import com.healthcontent.servicedefaults.web.Versions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The exercise library's use cases; the workflow rules are in {@link Exercise}, this class loads, checks and saves. */
@Service
public class ExerciseCatalog {

    private final ExerciseRepository repository;
    private final MongoTemplate mongoTemplate;
    private final FeaturedArticles featuredArticles;
    private final Outbox outbox;
    private final Clock clock;
    private final StaffDirectory staff;
    private final ReviewPolicy reviewPolicy;
    private final RevisionArchive archive;
    private final TextMatches textMatches;

    ExerciseCatalog(
            ExerciseRepository repository,
            MongoTemplate mongoTemplate,
            FeaturedArticles featuredArticles,
            Outbox outbox,
            Clock clock,
            StaffDirectory staff,
            ReviewPolicy reviewPolicy,
            RevisionArchive archive,
            TextMatches textMatches) {
        this.archive = archive;
        this.textMatches = textMatches;
        this.staff = staff;
        this.reviewPolicy = reviewPolicy;
        this.repository = repository;
        this.mongoTemplate = mongoTemplate;
        this.featuredArticles = featuredArticles;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR')")
    public Exercise create(ExerciseRequest request, Actor actor) {
        String slug = request.slug() != null ? request.slug() : Slugs.fromTitle(request.name());
        if (!Slugs.isValid(slug)) {
            throw new InvalidInputException("slug", "cannot be made from this name; give one explicitly");
        }
        if (repository.existsBySlug(slug)) {
            throw new ConflictException("An exercise with slug '" + slug + "' already exists.");
        }
        return outbox.insert(Changed.of(Exercise.draft(slug, request.content(), actor, clock.instant())));
    }

    /** Changes the working copy; a live exercise keeps its approved version until a revision is published. */
    public Exercise update(String id, ExerciseRequest request, String ifMatch, Actor actor) {
        Exercise exercise = byId(id);
        exercise.workflow().requireWriter(ContentKind.EXERCISE, actor);
        Versions.requireMatch(ifMatch, exercise.currentVersion());
        if (request.slug() != null && !request.slug().equals(exercise.slug())) {
            throw new InvalidInputException(
                    "slug", "cannot change: links to '" + exercise.slug() + "' must keep working");
        }
        return outbox.save(exercise.edit(request.content(), actor, clock.instant()));
    }

    public Exercise submit(String id, List<String> reviewers, Actor actor) {
        Exercise exercise = byId(id);
        return outbox.save(exercise.submit(staff.medicalReviewers(reviewers), actor, clock.instant()));
    }

    public Exercise withdraw(String id, String reason, Actor actor) {
        return outbox.save(byId(id).withdraw(reason, actor, clock.instant()));
    }

    public Exercise reassign(String id, List<String> reviewers, Actor actor) {
        Exercise exercise = byId(id);
        return outbox.save(exercise.reassign(staff.medicalReviewers(reviewers), actor, clock.instant()));
    }

    public Exercise review(String id, boolean approved, String notes, Actor actor) {
        return outbox.save(byId(id).review(approved, notes, staff.profileOf(actor.username()), actor, clock.instant()));
    }

    /** The publication archived first, then stored with its event (see {@link RevisionArchive} for why). */
    public Exercise publish(String id, Workflow.Expiry expiry, Actor actor) {
        Changed<Exercise> publication = byId(id).publish(actor, clock.instant(), reviewPolicy, expiry);
        archive(publication.aggregate(), actor.username());
        return outbox.save(publication);
    }

    /** Retires live exercises whose publication period is over. */
    public int retireExpired() {
        Instant now = clock.instant();
        Query over = Query.query(
                        Criteria.where("expiry.at").lte(now).and("content").ne(null))
                .limit(50);
        List<Exercise> expired = mongoTemplate.find(over, Exercise.class);
        expired.forEach(exercise -> outbox.save(exercise.expire(now)));
        return expired.size();
    }

    /** Keeps the live version in the archive: its publication, or (at start) one published before the archive. */
    public void archive(Exercise exercise, String publishedBy) {
        archive.record(
                subject(exercise),
                exercise.workflow().publications(),
                exercise.content(),
                exercise.reviewedBy(),
                exercise.workflow().history(),
                exercise.lastPublishedAt(),
                publishedBy);
    }

    /** The published versions of an exercise, newest first (staff). */
    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
    public List<ArchivedRevision> revisions(String id) {
        return archive.list(ContentKind.EXERCISE, id, byId(id).workflow().publications());
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
    public ArchivedRevision revision(String id, int number) {
        return archive.find(
                        ContentKind.EXERCISE, id, number, byId(id).workflow().publications())
                .orElseThrow(() -> new ResourceNotFoundException("Revision", id + "/" + number));
    }

    public ExerciseContent contentOf(ArchivedRevision revision) {
        return archive.content(revision, ExerciseContent.class);
    }

    /** An old revision becomes the working copy again: an edit like any other, which goes through review again. */
    public Exercise restore(String id, int number, Actor actor) {
        ExerciseContent restored = contentOf(revision(id, number));
        return outbox.save(byId(id).edit(restored, actor, clock.instant()));
    }

    static Workflow.Subject subject(Exercise exercise) {
        return new Workflow.Subject(
                ContentKind.EXERCISE,
                exercise.id(),
                exercise.slug(),
                exercise.draft().name());
    }

    public Exercise retire(String id, Actor actor) {
        return outbox.save(byId(id).retire(actor, clock.instant()));
    }

    public Exercise flagForReview(String id, String reason, Actor actor) {
        return outbox.save(byId(id).needsReview(reason, actor, clock.instant()));
    }

    /** Live exercises whose periodic review is due go back to review while staying live, as articles do. */
    public int markDueForReview() {
        int marked = 0;
        for (Exercise exercise : mongoTemplate.find(ReviewQueue.fallenDue(clock.instant(), 50), Exercise.class)) {
            outbox.save(exercise.needsReview("periodic medical review is due", null, clock.instant()));
            marked++;
        }
        return marked;
    }

    /** In review and waiting on someone who can no longer review it: for editors to reassign. */
    public List<StalledReviews.Stalled> stalledReviews(Actor actor) {
        StalledReviews.requireEditor(actor);
        return StalledReviews.among(
                mongoTemplate,
                Exercise.class,
                exercise -> new Workflow.Subject(
                        ContentKind.EXERCISE,
                        exercise.id(),
                        exercise.slug(),
                        exercise.draft().name()),
                Exercise::workflow,
                staff);
    }

    /** The caller's part of the review queue; see article-service's for the rules, which are the same. */
    @PreAuthorize("hasRole('MEDICAL_REVIEWER')")
    public List<Exercise> reviewQueue(Duration due, ReviewQueue.Cursor after, int size, Actor actor) {
        Criteria reviewedLive = Criteria.where("reviewedBy.reviewer")
                .is(actor.username())
                .and("retiredAt")
                .is(null);
        return mongoTemplate.find(
                ReviewQueue.query(actor.username(), due, clock.instant(), reviewedLive, after, size), Exercise.class);
    }

    public Page<Exercise> published(ExerciseFilter filter, Pageable pageable) {
        Query query = Query.query(filter.toCriteria(textMatches));
        return PagedQueries.page(mongoTemplate, query, pageable, Exercise.class);
    }

    /** Readers see the live version of published and retired exercises; drafts are staff-only ({@link #draft}). */
    public ExerciseView publicView(String slug) {
        Exercise exercise = live(slug);
        String digest = archive.requireApproved(
                subject(exercise),
                exercise.workflow().publications(),
                exercise.workflow().publications(),
                exercise.content());
        return ExerciseView.published(
                exercise, exercise.isListed() ? featuredArticles.featuring(exercise.id()) : List.of(), digest);
    }

    /** The signed record of what readers get now ({@link RevisionArchive#approval}). */
    public RevisionViews.SignedApproval approval(String slug) {
        Exercise exercise = live(slug);
        return archive.approval(
                subject(exercise),
                exercise.workflow().publications(),
                exercise.workflow().publications(),
                exercise.content());
    }

    private Exercise live(String slug) {
        return repository
                .findBySlug(slug)
                .filter(Exercise::isLive)
                .orElseThrow(() -> new ResourceNotFoundException("Exercise", slug));
    }

    /** Only listed exercises are played: a retired one is no longer recommended. */
    public Exercise publishedForSession(String slug) {
        return repository
                .findBySlug(slug)
                .filter(Exercise::isListed)
                .orElseThrow(() -> new ResourceNotFoundException("Exercise", slug));
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
    public Exercise draft(String id) {
        return byId(id);
    }

    /** Views of a list page: what features each listed exercise is read in one query, not one per exercise. */
    public List<ExerciseView> views(List<Exercise> exercises) {
        var featured = featuredArticles.featuring(
                exercises.stream().filter(Exercise::isListed).map(Exercise::id).toList());
        return exercises.stream()
                .map(e -> ExerciseView.published(
                        e, featured.getOrDefault(e.id(), List.of()), ContentDigest.of(e.content())))
                .toList();
    }

    /** The working copy with its workflow, for staff. */
    public ExerciseView draftView(Exercise exercise) {
        return ExerciseView.draft(
                exercise,
                exercise.isListed() ? featuredArticles.featuring(exercise.id()) : List.of(),
                staff::profileOf);
    }

    public List<Exercise> byIds(List<String> ids) {
        return repository.findByIdIn(ids);
    }

    private Exercise byId(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("Exercise", id));
    }
}
