package com.healthcontent.articles.article;

import com.healthcontent.articles.exercises.ExerciseSummaries;
import com.healthcontent.editorial.archive.ArchivedRevision;
import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.messaging.outbox.Outbox;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import com.healthcontent.servicedefaults.web.Slugs;
import com.healthcontent.servicedefaults.web.Versions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The article workflow's steps (the command side; reads are {@link ArticleQueries}). The rules of each step are in
 * {@link Article}; this class loads, checks what needs other data (the staff directory, the exercises), and stores
 * the step with its events through the outbox.
 */
@Service
public class Articles {

    /** Paths under /api/v1/articles that are not articles. */
    static final Set<String> RESERVED_SLUGS = Set.of("drafts", "due-for-review", "review-queue");

    private final ArticleRepository repository;
    private final ExerciseSummaries exercises;
    private final Outbox outbox;
    private final ReviewPolicy reviewPolicy;
    private final Clock clock;
    private final MeterRegistry meterRegistry;
    private final StaffDirectory staff;
    private final RevisionArchive archive;

    Articles(
            ArticleRepository repository,
            ExerciseSummaries exercises,
            Outbox outbox,
            ReviewPolicy reviewPolicy,
            Clock clock,
            MeterRegistry meterRegistry,
            StaffDirectory staff,
            RevisionArchive archive) {
        this.archive = archive;
        this.meterRegistry = meterRegistry;
        this.staff = staff;
        this.repository = repository;
        this.exercises = exercises;
        this.outbox = outbox;
        this.reviewPolicy = reviewPolicy;
        this.clock = clock;
    }

    public Article create(ArticleRequest request, Actor actor) {
        String slug = request.slug() != null ? request.slug() : Slugs.fromTitle(request.title());
        if (!Slugs.isValid(slug)) {
            throw new InvalidInputException("slug", "cannot be made from this title; give one explicitly");
        }
        if (RESERVED_SLUGS.contains(slug)) {
            throw new InvalidInputException("slug", "'" + slug + "' is reserved for the API; choose another");
        }
        Article article = Article.draft(slug, request.content(), actor, clock.instant());
        if (repository.existsBySlug(slug)) {
            throw new ConflictException("An article with slug '" + slug + "' already exists.");
        }
        return outbox.insert(Changed.of(article));
    }

    public Article edit(String id, ArticleRequest request, String ifMatch, Actor actor) {
        Article article = byId(id);
        Versions.requireMatch(ifMatch, article.currentVersion());
        if (request.slug() != null && !request.slug().equals(article.slug())) {
            throw new InvalidInputException(
                    "slug", "cannot change: links to '" + article.slug() + "' must keep working");
        }
        return outbox.save(article.edit(request.content(), actor, clock.instant()));
    }

    /** Reviewers are checked against the staff directory (422 naming each wrong name) before the workflow rules. */
    public Article submit(String id, List<String> reviewers, Actor actor) {
        Article article = byId(id);
        List<StaffProfile> profiles = staff.medicalReviewers(reviewers);
        requireComplete(article);
        return outbox.save(article.submit(profiles, actor, clock.instant()));
    }

    public Article withdraw(String id, String reason, Actor actor) {
        return outbox.save(byId(id).withdraw(reason, actor, clock.instant()));
    }

    public Article reassign(String id, List<String> reviewers, Actor actor) {
        Article article = byId(id);
        return outbox.save(article.reassign(staff.medicalReviewers(reviewers), actor, clock.instant()));
    }

    public Article review(String id, boolean approved, String notes, Actor actor) {
        return outbox.save(byId(id).review(approved, notes, staff.profileOf(actor.username()), actor, clock.instant()));
    }

    /** Live now, until {@code expiry} when one is given. */
    public Article publish(String id, Workflow.Expiry expiry, Actor actor) {
        Article article = byId(id);
        requireComplete(article);
        return published(article.publish(actor, clock.instant(), reviewPolicy, expiry), actor);
    }

    /** The publication archived first, then stored with its event (see {@link RevisionArchive} for why). */
    private Article published(Changed<Article> publication, Actor editor) {
        archive(publication.aggregate(), editor.username());
        return counted(outbox.save(publication));
    }

    private Article counted(Article article) {
        meterRegistry
                .counter("platform.articles.published", "kind", article.live().revision() == 1 ? "first" : "revision")
                .increment();
        return article;
    }

    public Article schedule(String id, Instant at, Workflow.Expiry expiry, Actor actor) {
        Article article = byId(id);
        requireComplete(article);
        return outbox.save(article.schedule(at, expiry, actor, clock.instant()));
    }

    public Article cancelSchedule(String id, Actor actor) {
        return outbox.save(byId(id).cancelSchedule(actor, clock.instant()));
    }

    /** Publishes scheduled articles whose time has come, as the editor who scheduled each. */
    public int publishScheduled() {
        int published = 0;
        Instant now = clock.instant();
        for (Article due : repository.findTop50ByWorkflowStatusAndWorkflowScheduledForLessThanEqual(
                ContentStatus.SCHEDULED, now)) {
            Actor scheduler = new Actor(due.workflow().scheduledBy(), Set.of(Role.EDITOR));
            published(due.publish(scheduler, now, reviewPolicy, null), scheduler);
            published++;
        }
        return published;
    }

    /** Unpublishes live articles whose publication period is over, with the reason their editor gave. */
    public int unpublishExpired() {
        Instant now = clock.instant();
        List<Article> over = repository.findTop50ByWorkflowExpiryAtLessThanEqualAndLiveIsNotNull(now);
        over.forEach(article -> outbox.save(article.expire(now)));
        return over.size();
    }

    /** The published versions of an article, newest first (staff). */
    public List<ArchivedRevision> revisions(String id) {
        Article article = byId(id);
        return archive.list(ContentKind.ARTICLE, id, article.workflow().publications());
    }

    public ArchivedRevision revision(String id, int number) {
        Article article = byId(id);
        return archive.find(ContentKind.ARTICLE, id, number, article.workflow().publications())
                .orElseThrow(() -> new ResourceNotFoundException("Revision", id + "/" + number));
    }

    public ArticleContent contentOf(ArchivedRevision revision) {
        return archive.content(revision, ArticleContent.class);
    }

    /** An old revision becomes the working copy again: an edit like any other, which goes through review again. */
    public Article restore(String id, int number, Actor actor) {
        ArticleContent restored = contentOf(revision(id, number));
        return outbox.save(byId(id).edit(restored, actor, clock.instant()));
    }

    public Article unpublish(String id, String reason, Actor actor) {
        return outbox.save(byId(id).unpublish(reason, actor, clock.instant()));
    }

    public Article flagForReview(String id, String reason, Actor actor) {
        return outbox.save(byId(id).needsReview(reason, actor, clock.instant()));
    }

    /** Published articles whose periodic review is due go back to review while staying live. */
    public int markDueForReview() {
        int marked = 0;
        for (Article due : repository.findTop50ByWorkflowStatusAndWorkflowNextReviewDueLessThanEqual(
                ContentStatus.PUBLISHED, clock.instant())) {
            outbox.save(due.needsReview("periodic medical review is due", null, clock.instant()));
            marked++;
        }
        return marked;
    }

    /**
     * What a draft may lack but a submitted or published article may not: every citation resolved and every
     * reference cited, every exercise block pointing at a published exercise (422, naming the place).
     */
    private void requireComplete(Article article) {
        ArticleContent content = article.draft();
        List<FieldViolation> problems = new ArrayList<>(content.citationProblems());
        for (int i = 0; i < content.sections().size(); i++) {
            Section section = content.sections().get(i);
            if (section.type() == SectionType.EXERCISE) {
                var exercise = exercises.find(section.exerciseId());
                if (exercise.isEmpty()) {
                    problems.add(new FieldViolation(
                            "sections[" + i + "].exerciseId",
                            "exercise " + section.exerciseId() + " is not a published exercise"));
                } else if (exercise.get().retired()) {
                    problems.add(new FieldViolation(
                            "sections[" + i + "].exerciseId",
                            "exercise '" + exercise.get().slug() + "' has been retired"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableContentException("The article is not complete enough for this step.", problems);
        }
    }

    private Article byId(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("Article", id));
    }

    static Workflow.Subject subject(Article article) {
        return new Workflow.Subject(
                ContentKind.ARTICLE,
                article.id(),
                article.slug(),
                article.draft().title());
    }

    /** Keeps the live version in the archive; its publication, or (at start) one published before the archive. */
    void archive(Article article, String publishedBy) {
        LiveVersion live = article.live();
        archive.record(
                subject(article),
                live.revision(),
                live.content(),
                live.medicalReviews(),
                article.workflow().history(),
                live.lastModifiedAt(),
                publishedBy);
    }
}
