package com.healthcontent.articles.article;

import com.healthcontent.articles.exercises.ExerciseSummaries;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.messaging.outbox.Outbox;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import com.healthcontent.servicedefaults.web.Slugs;
import com.healthcontent.servicedefaults.web.Versions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import com.healthcontent.servicedefaults.web.PagedQueries;
import org.springframework.stereotype.Service;

/** The article use cases. The rules of each step are in {@link Article}; this class loads, checks and saves. */
@Service
public class Articles {

    /** Paths under /api/v1/articles that are not articles. */
    static final Set<String> RESERVED_SLUGS = Set.of("drafts", "due-for-review", "review-queue");
    static final int RELATED = 5;
    static final int RECENT = 5;

    private final ArticleRepository repository;
    private final MongoTemplate mongoTemplate;
    private final ExerciseSummaries exercises;
    private final Outbox outbox;
    private final ReviewPolicy reviewPolicy;
    private final Clock clock;
    private final MeterRegistry meterRegistry;
    private final StaffDirectory staff;

    Articles(ArticleRepository repository, MongoTemplate mongoTemplate, ExerciseSummaries exercises,
            Outbox outbox, ReviewPolicy reviewPolicy, Clock clock,
            MeterRegistry meterRegistry, StaffDirectory staff) {
        this.meterRegistry = meterRegistry;
        this.staff = staff;
        Gauge.builder("platform.articles.reviews.due", this, Articles::reviewsDue)
                .description("Live articles whose medical review is due or that were flagged").register(meterRegistry);
        this.repository = repository;
        this.mongoTemplate = mongoTemplate;
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
            throw new InvalidInputException("slug", "cannot change: links to '" + article.slug() + "' must keep working");
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
        return outbox.save(byId(id).review(approved, notes, staff.profileOf(actor.username()), actor,
                clock.instant()));
    }

    public Article publish(String id, Actor actor) {
        Article article = byId(id);
        if (!actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only editors publish.");
        }
        requireComplete(article);
        return published(outbox.save(article.publish(actor, clock.instant(), reviewPolicy)));
    }

    private Article published(Article article) {
        meterRegistry.counter("platform.articles.published", "kind",
                article.live().revision() == 1 ? "first" : "revision").increment();
        return article;
    }

    private double reviewsDue() {
        return mongoTemplate.count(Query.query(new Criteria().orOperator(
                Criteria.where("status").is(ArticleStatus.NEEDS_REVIEW),
                Criteria.where("live").ne(null).and("nextReviewDue").lte(clock.instant()))), Article.class);
    }

    public Article schedule(String id, Instant at, Actor actor) {
        Article article = byId(id);
        requireComplete(article);
        return outbox.save(article.schedule(at, actor, clock.instant()));
    }

    public Article cancelSchedule(String id, Actor actor) {
        return outbox.save(byId(id).cancelSchedule(actor, clock.instant()));
    }

    /** Publishes scheduled articles whose time has come, as the editor who scheduled each. */
    public int publishScheduled() {
        int published = 0;
        Instant now = clock.instant();
        for (Article due : repository.findTop50ByStatusAndScheduledForLessThanEqual(ArticleStatus.SCHEDULED, now)) {
            Actor scheduler = new Actor(due.scheduledBy(), Set.of(Role.EDITOR));
            published(outbox.save(due.publish(scheduler, now, reviewPolicy)));
            published++;
        }
        return published;
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
        for (Article due : repository.findTop50ByStatusAndNextReviewDueLessThanEqual(ArticleStatus.PUBLISHED,
                clock.instant())) {
            outbox.save(due.needsReview("periodic medical review is due", null, clock.instant()));
            marked++;
        }
        return marked;
    }

    public Article draft(String id, Actor actor) {
        if (!actor.has(Role.AUTHOR) && !actor.has(Role.EDITOR) && !actor.has(Role.MEDICAL_REVIEWER)) {
            throw new ForbiddenException("Drafts are for authors, editors and medical reviewers.");
        }
        Article article = byId(id);
        if (actor.has(Role.AUTHOR) && !actor.has(Role.EDITOR) && !actor.has(Role.MEDICAL_REVIEWER)
                && !actor.username().equals(article.author())) {
            throw new ForbiddenException("Authors see their own drafts.");
        }
        return article;
    }

    /**
     * Working copies for the people who move them on: editors see every article (e.g. those approved and awaiting
     * publication), authors their own, with the decisions on them; newest first.
     */
    public Page<Article> workingCopies(ArticleStatus status, Actor actor, Pageable pageable) {
        if (!actor.has(Role.EDITOR) && !actor.has(Role.AUTHOR)) {
            throw new ForbiddenException("Working copies are listed for editors and authors.");
        }
        Criteria criteria = status == null ? new Criteria() : Criteria.where("status").is(status);
        if (!actor.has(Role.EDITOR)) {
            criteria = criteria.and("author").is(actor.username());
        }
        return PagedQueries.page(mongoTemplate, Query.query(criteria), pageable, Article.class);
    }

    /** The public list's filters; every one optional. */
    public record Filter(String q, String tag, String category, String reviewer, Instant modifiedSince) {
    }

    public Page<Article> published(Filter filter, Pageable pageable) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("live").ne(null));
        String tag = filter.tag();
        String q = filter.q();
        if (tag != null && !tag.isBlank()) {
            criteria.add(Criteria.where("live.content.tags").is(tag.strip().toLowerCase(Locale.ROOT)));
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            criteria.add(Criteria.where("live.content.categories").is(filter.category().strip()));
        }
        if (filter.reviewer() != null && !filter.reviewer().isBlank()) {
            criteria.add(Criteria.where("live.medicalReviews.reviewer").is(filter.reviewer().strip()));
        }
        if (filter.modifiedSince() != null) {
            criteria.add(Criteria.where("live.lastModifiedAt").gte(filter.modifiedSince()));
        }
        if (q != null && !q.isBlank()) {
            for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isBlank()) {
                    criteria.add(Criteria.where("searchText").regex(Pattern.quote(word)));
                }
            }
        }
        Query query = Query.query(new Criteria().andOperator(criteria));
        return PagedQueries.page(mongoTemplate, query, pageable, Article.class);
    }

    public static Sort newestFirst() {
        return Sort.by(Sort.Direction.DESC, "live.publishedAt");
    }

    /** Live articles whose periodic review falls due within the window, soonest first, for staff planning. */
    public Page<Article> dueForReview(Duration within, Actor actor, Pageable pageable) {
        if (!actor.has(Role.EDITOR) && !actor.has(Role.MEDICAL_REVIEWER)) {
            throw new ForbiddenException("The review queue is for editors and medical reviewers.");
        }
        Query query = Query.query(Criteria.where("live").ne(null).and("nextReviewDue")
                .lte(clock.instant().plus(within)));
        return PagedQueries.page(mongoTemplate, query, pageable, Article.class);
    }

    /**
     * The caller's review queue: articles awaiting their decision, oldest submission first; or, with a window, live
     * articles they reviewed whose next review falls due within it, soonest first. Keyset paging ({@code after}),
     * so the gateway can merge this queue with exercise-service's.
     */
    public List<Article> reviewQueue(Duration due, ReviewQueue.Cursor after, int size, Actor actor) {
        if (!actor.has(Role.MEDICAL_REVIEWER)) {
            throw new ForbiddenException("The review queue is for medical reviewers.");
        }
        Criteria reviewedLive = Criteria.where("live.medicalReviews.reviewer").is(actor.username());
        return mongoTemplate.find(ReviewQueue.query(actor.username(), due, clock.instant(), reviewedLive, after, size),
                Article.class);
    }

    public ArticleViews.Draft draftView(Article article) {
        return ArticleViews.draft(article, staff::profileOf);
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
                    problems.add(new FieldViolation("sections[" + i + "].exerciseId",
                            "exercise " + section.exerciseId() + " is not a published exercise"));
                } else if (exercise.get().retired()) {
                    problems.add(new FieldViolation("sections[" + i + "].exerciseId",
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
}
