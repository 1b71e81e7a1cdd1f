package com.healthcontent.articles.article;

import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.StalledReviews;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import com.healthcontent.servicedefaults.web.PagedQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What staff and the public list read of articles (the query side; the workflow's steps are {@link Articles}):
 * working copies, the published list and its search, what falls due for review, a reviewer's queue. Public pages
 * themselves are {@link PublicArticles}.
 */
@Service
public class ArticleQueries {

    static final int RELATED = 5;
    static final int RECENT = 5;

    private final ArticleRepository repository;
    private final MongoTemplate mongoTemplate;
    private final StaffDirectory staff;
    private final Clock clock;
    private final TextMatches textMatches;

    ArticleQueries(
            ArticleRepository repository,
            MongoTemplate mongoTemplate,
            StaffDirectory staff,
            Clock clock,
            MeterRegistry meterRegistry,
            TextMatches textMatches) {
        this.repository = repository;
        this.mongoTemplate = mongoTemplate;
        this.staff = staff;
        this.clock = clock;
        this.textMatches = textMatches;
        Gauge.builder("platform.articles.reviews.due", this, ArticleQueries::reviewsDue)
                .description("Live articles whose medical review is due or that were flagged")
                .register(meterRegistry);
    }

    @PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
    public Article draft(String id, Actor actor) {
        Article article = byId(id);
        if (actor.has(Role.AUTHOR)
                && !actor.has(Role.EDITOR)
                && !actor.has(Role.MEDICAL_REVIEWER)
                && !actor.username().equals(article.author())) {
            throw new ForbiddenException("Authors see their own drafts.");
        }
        return article;
    }

    /** In review and waiting on someone who can no longer review it: for editors to reassign. */
    public List<StalledReviews.Stalled> stalledReviews(Actor actor) {
        StalledReviews.requireEditor(actor);
        return StalledReviews.among(
                mongoTemplate,
                Article.class,
                article -> new Workflow.Subject(
                        ContentKind.ARTICLE,
                        article.id(),
                        article.slug(),
                        article.draft().title()),
                Article::workflow,
                staff);
    }

    /**
     * Working copies for the people who move them on: editors see every article (e.g. those approved and awaiting
     * publication), authors their own, with the decisions on them; newest first.
     */
    @PreAuthorize("hasAnyRole('EDITOR', 'AUTHOR')")
    public Page<Article> workingCopies(ContentStatus status, Actor actor, Pageable pageable) {
        Criteria criteria =
                status == null ? new Criteria() : Criteria.where("status").is(status);
        if (!actor.has(Role.EDITOR)) {
            criteria = criteria.and("author").is(actor.username());
        }
        return PagedQueries.page(mongoTemplate, Query.query(criteria), pageable, Article.class);
    }

    /** The public list's filters; every one optional. */
    public record Filter(String q, String tag, String category, String reviewer, Instant modifiedSince) {}

    public Page<Article> published(Filter filter, Pageable pageable) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("live").ne(null));
        String tag = filter.tag();
        String q = filter.q();
        if (tag != null && !tag.isBlank()) {
            criteria.add(Criteria.where("live.content.tags").is(tag.strip().toLowerCase(Locale.ROOT)));
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            criteria.add(Criteria.where("live.content.categories")
                    .is(filter.category().strip()));
        }
        if (filter.reviewer() != null && !filter.reviewer().isBlank()) {
            criteria.add(Criteria.where("live.medicalReviews.reviewer")
                    .is(filter.reviewer().strip()));
        }
        if (filter.modifiedSince() != null) {
            criteria.add(Criteria.where("live.lastModifiedAt").gte(filter.modifiedSince()));
        }
        if (q != null && !q.isBlank()) {
            criteria.add(Criteria.where("_id").in(textMatches.articleIds(q)));
        }
        Query query = Query.query(new Criteria().andOperator(criteria));
        return PagedQueries.page(mongoTemplate, query, pageable, Article.class);
    }

    public static Sort newestFirst() {
        return Sort.by(Sort.Direction.DESC, "live.publishedAt");
    }

    /** Live articles whose periodic review falls due within the window, soonest first, for staff planning. */
    @PreAuthorize("hasAnyRole('EDITOR', 'MEDICAL_REVIEWER')")
    public Page<Article> dueForReview(Duration within, Pageable pageable) {
        Query query = Query.query(Criteria.where("live")
                .ne(null)
                .and("nextReviewDue")
                .lte(clock.instant().plus(within)));
        return PagedQueries.page(mongoTemplate, query, pageable, Article.class);
    }

    /**
     * The caller's review queue: articles awaiting their decision, oldest submission first; or, with a window, live
     * articles they reviewed whose next review falls due within it, soonest first. Keyset paging ({@code after}),
     * so the gateway can merge this queue with exercise-service's.
     */
    @PreAuthorize("hasRole('MEDICAL_REVIEWER')")
    public List<Article> reviewQueue(Duration due, ReviewQueue.Cursor after, int size, Actor actor) {
        Criteria reviewedLive = Criteria.where("live.medicalReviews.reviewer").is(actor.username());
        return mongoTemplate.find(
                ReviewQueue.query(actor.username(), due, clock.instant(), reviewedLive, after, size), Article.class);
    }

    public ArticleViews.Draft draftView(Article article) {
        return ArticleViews.draft(article, staff::profileOf);
    }

    private double reviewsDue() {
        return mongoTemplate.count(
                Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("status").is(ContentStatus.NEEDS_REVIEW),
                                Criteria.where("live")
                                        .ne(null)
                                        .and("nextReviewDue")
                                        .lte(clock.instant()))),
                Article.class);
    }

    private Article byId(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("Article", id));
    }
}
