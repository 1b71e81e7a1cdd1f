package com.healthcontent.articles.article;

import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewRound;
import com.healthcontent.editorial.review.WorkflowStep;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleReviewDue;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.ReviewDecided;
import com.healthcontent.events.ReviewRequested;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article: its working copy ({@code draft}) going through the editorial and medical-review workflow, and the
 * live version readers see. Each step checks who may take it and from which state (403, 409), records itself
 * in {@code history}, and returns the new article with the events other services need ({@link Changed}).
 */
@Document("articles")
@PublishesEvents
public record Article(
        @Id String id,
        @Indexed(unique = true) String slug,
        ArticleStatus status,
        ArticleContent draft,
        String author,
        @Indexed List<String> medicalReviewers,
        List<MedicalReview> approvals,
        LiveVersion live,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant nextReviewDue,
        @Indexed Instant scheduledFor,
        String scheduledBy,
        Integer publications,
        @Indexed String searchText,
        List<WorkflowStep> history,
        @Version Long version,
        Integer textFormat) {

    /** Text kept exactly as sent; documents without it were written when bodies were stored escaped. */
    public static final int TEXT_FORMAT = 2;

    private static final Set<ArticleStatus> EDITABLE = EnumSet.of(
            ArticleStatus.DRAFT,
            ArticleStatus.CHANGES_REQUESTED,
            ArticleStatus.APPROVED,
            ArticleStatus.SCHEDULED,
            ArticleStatus.PUBLISHED,
            ArticleStatus.NEEDS_REVIEW,
            ArticleStatus.UNPUBLISHED);
    private static final Set<ArticleStatus> SUBMITTABLE =
            EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.CHANGES_REQUESTED, ArticleStatus.NEEDS_REVIEW);

    public Article {
        publications = publications == null ? 0 : publications; // absent in documents written before it existed
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        history = history == null ? List.of() : List.copyOf(history);
        if (textFormat == null) {
            draft = draft.withLegacyEscapingUndone();
            live = live == null ? null : live.withLegacyEscapingUndone();
            searchText = live == null ? searchText : live.content().searchText();
            textFormat = TEXT_FORMAT;
        }
    }

    public static Article draft(String slug, ArticleContent content, Actor actor, Instant now) {
        if (!actor.has(Role.AUTHOR) && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only authors and editors write articles.");
        }
        WorkflowStep created =
                new WorkflowStep(now, actor.username(), "created", null, ArticleStatus.DRAFT.name(), null);
        return new Article(
                UUID.randomUUID().toString(),
                slug,
                ArticleStatus.DRAFT,
                content,
                actor.username(),
                List.of(),
                List.of(),
                null,
                now,
                now,
                null,
                null,
                null,
                null,
                0,
                null,
                List.of(created),
                null,
                TEXT_FORMAT);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    public boolean isLive() {
        return live != null;
    }

    public ReviewRound reviewRound() {
        return new ReviewRound(medicalReviewers, approvals);
    }

    /** Replaces the working copy. Editing published content starts a revision; the live version stays up. */
    public Changed<Article> edit(ArticleContent content, Actor actor, Instant now) {
        requireAuthorOrEditor(actor);
        if (!EDITABLE.contains(status)) {
            throw new ConflictException("The article is " + status + "; it cannot be edited until the review ends "
                    + "(its author or an editor may withdraw it from review).");
        }
        return next(ArticleStatus.DRAFT, now)
                .draft(content)
                .round(ReviewRound.none())
                .done(actor, status == ArticleStatus.DRAFT ? "edited" : "revision started", null);
    }

    /** Sends the working copy to medical reviewers from the staff directory; nobody reviews their own article. */
    public Changed<Article> submit(List<StaffProfile> reviewers, Actor actor, Instant now) {
        requireAuthorOrEditor(actor);
        if (!SUBMITTABLE.contains(status)) {
            throw new ConflictException("Only a draft, an article with requested changes or one due for review can be "
                    + "submitted; this one is " + status + ".");
        }
        ReviewRound round = ReviewRound.askedOf(reviewers, author, actor);
        Next next = next(ArticleStatus.IN_REVIEW, now).round(round).submittedAt(now);
        next.event(EventType.ARTICLE_REVIEW_REQUESTED, reviewRequested(round.reviewers(), actor, now));
        return next.done(actor, "submitted for review to " + names(reviewers), null);
    }

    /** The author or an editor takes a submission back: the reviewers are released, the draft can change again. */
    public Changed<Article> withdraw(String reason, Actor actor, Instant now) {
        requireAuthorOrEditor(actor);
        if (status != ArticleStatus.IN_REVIEW) {
            throw new ConflictException("Only an article in review can be withdrawn; this one is " + status + ".");
        }
        return next(ArticleStatus.DRAFT, now)
                .round(ReviewRound.none())
                .submittedAt(null)
                .done(actor, "withdrawn from review", reason);
    }

    /** An editor asks other reviewers; approvals of those who stay assigned still count. */
    public Changed<Article> reassign(List<StaffProfile> reviewers, Actor actor, Instant now) {
        requireEditor(actor);
        if (status != ArticleStatus.IN_REVIEW) {
            throw new ConflictException(
                    "Reviewers can only be changed while the article is in review; it is " + status + ".");
        }
        ReviewRound round = reviewRound().reassignedTo(reviewers, author, actor);
        List<String> newlyAsked = round.reviewers().stream()
                .filter(r -> !medicalReviewers.contains(r))
                .toList();
        Next next = next(round.approvedByAll() ? ArticleStatus.APPROVED : ArticleStatus.IN_REVIEW, now)
                .round(round);
        if (!newlyAsked.isEmpty()) {
            next.event(EventType.ARTICLE_REVIEW_REQUESTED, reviewRequested(newlyAsked, actor, now));
        }
        return next.done(actor, "reviewers changed to " + names(reviewers), null);
    }

    /**
     * An assigned reviewer's verdict. Changes requested by any reviewer send it back; it is approved when every
     * assigned reviewer has approved. The author hears of either outcome.
     */
    public Changed<Article> review(boolean approved, String notes, StaffProfile reviewer, Actor actor, Instant now) {
        if (!actor.has(Role.MEDICAL_REVIEWER) || !medicalReviewers.contains(actor.username())) {
            throw new ForbiddenException("Only a medical reviewer assigned to this article may review it.");
        }
        if (actor.username().equals(author)) {
            throw new ForbiddenException("Nobody reviews their own article.");
        }
        if (status != ArticleStatus.IN_REVIEW) {
            throw new ConflictException("The article is " + status + ", not IN_REVIEW.");
        }
        if (!approved) {
            return next(ArticleStatus.CHANGES_REQUESTED, now)
                    .round(ReviewRound.none())
                    .event(EventType.ARTICLE_REVIEW_DECIDED, reviewDecided(actor, "CHANGES_REQUESTED", notes, now))
                    .done(actor, "requested changes", notes);
        }
        ReviewRound round = reviewRound().approvedBy(reviewer, now);
        Next next = next(round.approvedByAll() ? ArticleStatus.APPROVED : ArticleStatus.IN_REVIEW, now)
                .round(round);
        if (round.approvedByAll()) {
            next.event(EventType.ARTICLE_REVIEW_DECIDED, reviewDecided(actor, "APPROVED", notes, now));
        }
        return next.done(actor, "approved", notes);
    }

    /** An editor sets the approved working copy to go live at a future time; editing it cancels that. */
    public Changed<Article> schedule(Instant at, Actor actor, Instant now) {
        requireEditor(actor);
        if (status != ArticleStatus.APPROVED) {
            throw new ConflictException("Only an approved article can be scheduled; this one is " + status + ".");
        }
        if (!at.isAfter(now)) {
            throw new InvalidInputException("at", "must be in the future");
        }
        return next(ArticleStatus.SCHEDULED, now)
                .scheduled(at, actor.username())
                .done(actor, "scheduled for publication at " + at, null);
    }

    public Changed<Article> cancelSchedule(Actor actor, Instant now) {
        requireEditor(actor);
        if (status != ArticleStatus.SCHEDULED) {
            throw new ConflictException("The article is not scheduled; it is " + status + ".");
        }
        return next(ArticleStatus.APPROVED, now).done(actor, "scheduled publication cancelled", null);
    }

    /** Whether a scheduled publication has come due; it then publishes as the editor who scheduled it. */
    public boolean isDueForPublication(Instant now) {
        return status == ArticleStatus.SCHEDULED && scheduledFor != null && !scheduledFor.isAfter(now);
    }

    /** Makes the approved working copy the live version: a first publication or a revision replacing it. */
    public Changed<Article> publish(Actor actor, Instant now, ReviewPolicy policy) {
        requireEditor(actor);
        if (status == ArticleStatus.SCHEDULED && !isDueForPublication(now)) {
            throw new ConflictException(
                    "The article is scheduled for " + scheduledFor + "; cancel the schedule to publish it now.");
        }
        if (status != ArticleStatus.APPROVED && status != ArticleStatus.SCHEDULED) {
            throw new ConflictException("Only an approved article can be published; this one is " + status + ".");
        }
        // Revisions count every publication, also after an unpublication, so consumers can order them.
        int revision = publications + 1;
        Instant publishedAt = live == null ? now : live.publishedAt();
        Next next = next(ArticleStatus.PUBLISHED, now)
                .live(new LiveVersion(draft, revision, publishedAt, now, approvals))
                .nextReviewDue(policy.nextReviewDue(id, reviewRound().approvedAt(now)))
                .publications(revision);
        EventType type = live == null ? EventType.ARTICLE_PUBLISHED : EventType.ARTICLE_REVISED;
        next.event(
                type,
                new ArticlePublished(
                        id,
                        slug,
                        draft.title(),
                        draft.summary(),
                        draft.tags(),
                        author,
                        approvals.stream().map(MedicalReview::reviewer).toList(),
                        draft.exerciseIds(),
                        now,
                        revision));
        return next.done(actor, live == null ? "published" : "republished as revision " + revision, null);
    }

    public Changed<Article> unpublish(String reason, Actor actor, Instant now) {
        requireEditor(actor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the article is taken down");
        }
        if (live == null) {
            throw new ConflictException("The article is not published.");
        }
        return next(ArticleStatus.UNPUBLISHED, now)
                .round(ReviewRound.none())
                .live(null)
                .nextReviewDue(null)
                .event(EventType.ARTICLE_UNPUBLISHED, new ArticleUnpublished(id, slug, reason, now))
                .done(actor, "unpublished", reason);
    }

    /** A reviewer flags live content, or its periodic review fell due: it stays live and goes back to review. */
    public Changed<Article> needsReview(String reason, Actor actor, Instant now) {
        if (actor != null && !actor.has(Role.MEDICAL_REVIEWER) && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only medical reviewers and editors flag content for review.");
        }
        if (status != ArticleStatus.PUBLISHED) {
            throw new ConflictException("Only a published article without a revision under way can be flagged; "
                    + "this one is " + status + ".");
        }
        List<String> reviewers =
                live.medicalReviews().stream().map(MedicalReview::reviewer).toList();
        return next(ArticleStatus.NEEDS_REVIEW, now)
                .draft(live.content())
                .round(ReviewRound.none())
                .event(EventType.ARTICLE_REVIEW_DUE, new ArticleReviewDue(id, slug, reviewers, now))
                .done(actor, "needs review", reason);
    }

    private ReviewRequested reviewRequested(List<String> reviewers, Actor actor, Instant now) {
        return new ReviewRequested("ARTICLE", id, slug, draft.title(), author, reviewers, actor.username(), now);
    }

    private ReviewDecided reviewDecided(Actor reviewer, String outcome, String notes, Instant now) {
        return new ReviewDecided("ARTICLE", id, slug, draft.title(), author, reviewer.username(), outcome, notes, now);
    }

    private static String names(List<StaffProfile> people) {
        return people.stream().map(StaffProfile::name).distinct().collect(Collectors.joining(", "));
    }

    private void requireAuthorOrEditor(Actor actor) {
        boolean ownAuthor = actor.has(Role.AUTHOR) && actor.username().equals(author);
        if (!ownAuthor && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only the article's author or an editor may do this.");
        }
    }

    private static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only editors may do this.");
        }
    }

    /**
     * The article after a step: starts from this one moved to {@code status} (a move the transition table allows),
     * with the schedule cleared (any step but scheduling ends a schedule), and the search text following the live
     * version.
     */
    private Next next(ArticleStatus newStatus, Instant now) {
        if (!status.next().contains(newStatus)) {
            throw new IllegalStateException("No step moves an article from " + status + " to " + newStatus);
        }
        return new Next(this, newStatus, now);
    }

    private static final class Next {

        private final Article from;
        private final ArticleStatus status;
        private final Instant now;
        private ArticleContent draft;
        private ReviewRound round;
        private LiveVersion live;
        private Instant submittedAt;
        private Instant nextReviewDue;
        private Instant scheduledFor;
        private String scheduledBy;
        private int publications;
        private final List<IntegrationEvent> events = new ArrayList<>();

        Next(Article from, ArticleStatus status, Instant now) {
            this.from = from;
            this.status = status;
            this.now = now;
            this.draft = from.draft;
            this.round = from.reviewRound();
            this.live = from.live;
            this.submittedAt = from.submittedAt;
            this.nextReviewDue = from.nextReviewDue;
            this.publications = from.publications;
        }

        Next draft(ArticleContent content) {
            this.draft = content;
            return this;
        }

        Next round(ReviewRound newRound) {
            this.round = newRound;
            return this;
        }

        Next live(LiveVersion newLive) {
            this.live = newLive;
            return this;
        }

        Next submittedAt(Instant at) {
            this.submittedAt = at;
            return this;
        }

        Next nextReviewDue(Instant due) {
            this.nextReviewDue = due;
            return this;
        }

        Next scheduled(Instant at, String by) {
            this.scheduledFor = at;
            this.scheduledBy = by;
            return this;
        }

        Next publications(int count) {
            this.publications = count;
            return this;
        }

        Next event(EventType type, Object data) {
            events.add(new IntegrationEvent(type, from.id, from.slug, data));
            return this;
        }

        /** The new article, with the step recorded in its history, and the events the step raised. */
        Changed<Article> done(Actor actor, String action, String notes) {
            List<WorkflowStep> steps = new ArrayList<>(from.history);
            steps.add(new WorkflowStep(
                    now,
                    actor == null ? WorkflowStep.SYSTEM : actor.username(),
                    action,
                    from.status.name(),
                    status.name(),
                    notes));
            Instant inReviewSince = status == ArticleStatus.IN_REVIEW ? submittedAt : null;
            Article article = new Article(
                    from.id,
                    from.slug,
                    status,
                    draft,
                    from.author,
                    round.reviewers(),
                    round.approvals(),
                    live,
                    from.createdAt,
                    now,
                    inReviewSince,
                    nextReviewDue,
                    scheduledFor,
                    scheduledBy,
                    publications,
                    live == null ? null : live.content().searchText(),
                    steps,
                    from.version,
                    from.textFormat);
            return new Changed<>(article, events);
        }
    }
}
