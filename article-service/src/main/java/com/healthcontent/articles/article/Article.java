package com.healthcontent.articles.article;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleReviewDue;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.servicedefaults.events.IntegrationEvents;
import com.healthcontent.servicedefaults.events.OutboxEvent;
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
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article: its working copy ({@code draft}) going through the editorial and medical-review workflow, and the
 * live version readers see. Each step checks who may take it and from which state (403, 409), records itself
 * in {@code history}, and adds the event other services need to the outbox, in the same document write.
 */
@Document("articles")
public record Article(
        @Id String id,
        @Indexed(unique = true) String slug,
        ArticleStatus status,
        ArticleContent draft,
        String author,
        List<String> medicalReviewers,
        List<MedicalReview> approvals,
        LiveVersion live,
        Instant createdAt,
        Instant updatedAt,
        Instant nextReviewDue,
        @Indexed Instant scheduledFor,
        String scheduledBy,
        Integer publications,
        @Indexed String searchText,
        List<WorkflowStep> history,
        @Version Long version,
        List<OutboxEvent> outbox,
        Integer textFormat) {

    /** Text kept exactly as sent; documents without it were written when bodies were stored escaped. */
    public static final int TEXT_FORMAT = 2;

    private static final Set<ArticleStatus> EDITABLE = EnumSet.of(ArticleStatus.DRAFT,
            ArticleStatus.CHANGES_REQUESTED, ArticleStatus.APPROVED, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED,
            ArticleStatus.NEEDS_REVIEW, ArticleStatus.UNPUBLISHED);
    private static final Set<ArticleStatus> SUBMITTABLE = EnumSet.of(ArticleStatus.DRAFT,
            ArticleStatus.CHANGES_REQUESTED, ArticleStatus.NEEDS_REVIEW);
    public static final int MAX_REVIEWERS = 5;

    public Article {
        publications = publications == null ? 0 : publications; // absent in documents written before it existed
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        history = history == null ? List.of() : List.copyOf(history);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
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
        WorkflowStep created = new WorkflowStep(now, actor.username(), "created", null, ArticleStatus.DRAFT, null);
        return new Article(UUID.randomUUID().toString(), slug, ArticleStatus.DRAFT, content, actor.username(),
                List.of(), List.of(), null, now, now, null, null, null, 0, null, List.of(created), null, List.of(),
                TEXT_FORMAT);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    public boolean isLive() {
        return live != null;
    }

    /** Replaces the working copy. Editing published content starts a revision; the live version stays up. */
    public Article edit(ArticleContent content, Actor actor, Instant now) {
        requireAuthorOrEditor(actor);
        if (!EDITABLE.contains(status)) {
            throw new ConflictException("The article is " + status + "; it cannot be edited until the review ends.");
        }
        return with(ArticleStatus.DRAFT, content, medicalReviewers, List.of(), live, nextReviewDue, now)
                .record(now, actor, status == ArticleStatus.DRAFT ? "edited" : "revision started", null);
    }

    /** Sends the working copy to its medical reviewers; nobody reviews their own article. */
    public Article submit(List<String> reviewers, Actor actor, Instant now) {
        requireAuthorOrEditor(actor);
        if (!SUBMITTABLE.contains(status)) {
            throw new ConflictException("Only a draft, an article with requested changes or one due for review can be "
                    + "submitted; this one is " + status + ".");
        }
        List<String> assigned = reviewers == null ? List.of() : reviewers.stream().distinct().toList();
        if (assigned.isEmpty() || assigned.size() > MAX_REVIEWERS) {
            throw new InvalidInputException("reviewers", "name between 1 and " + MAX_REVIEWERS + " medical reviewers");
        }
        if (assigned.contains(author) || assigned.contains(actor.username())) {
            throw new InvalidInputException("reviewers", "nobody reviews an article they wrote or submitted");
        }
        return with(ArticleStatus.IN_REVIEW, draft, assigned, List.of(), live, nextReviewDue, now)
                .record(now, actor, "submitted for review to " + String.join(", ", assigned), null);
    }

    /**
     * An assigned reviewer's verdict. Changes requested by any reviewer send it back; it is approved when every
     * assigned reviewer has approved.
     */
    public Article review(boolean approved, String notes, String credentials, Actor actor, Instant now) {
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
            return with(ArticleStatus.CHANGES_REQUESTED, draft, medicalReviewers, List.of(), live, nextReviewDue, now)
                    .record(now, actor, "requested changes", notes);
        }
        List<MedicalReview> newApprovals = new ArrayList<>(approvals);
        newApprovals.removeIf(review -> review.reviewer().equals(actor.username()));
        newApprovals.add(new MedicalReview(actor.username(), credentials, now));
        boolean allApproved = newApprovals.stream().map(MedicalReview::reviewer).toList().containsAll(medicalReviewers);
        return with(allApproved ? ArticleStatus.APPROVED : ArticleStatus.IN_REVIEW, draft, medicalReviewers,
                newApprovals, live, nextReviewDue, now).record(now, actor, "approved", notes);
    }

    /** An editor sets the approved working copy to go live at a future time; editing it cancels that. */
    public Article schedule(Instant at, Actor actor, Instant now) {
        requireEditor(actor);
        if (status != ArticleStatus.APPROVED) {
            throw new ConflictException("Only an approved article can be scheduled; this one is " + status + ".");
        }
        if (!at.isAfter(now)) {
            throw new InvalidInputException("at", "must be in the future");
        }
        Article scheduled = new Article(id, slug, ArticleStatus.SCHEDULED, draft, author, medicalReviewers, approvals,
                live, createdAt, now, nextReviewDue, at, actor.username(), publications, searchText, history, version,
                outbox, textFormat);
        return scheduled.record(now, actor, "scheduled for publication at " + at, null);
    }

    public Article cancelSchedule(Actor actor, Instant now) {
        requireEditor(actor);
        if (status != ArticleStatus.SCHEDULED) {
            throw new ConflictException("The article is not scheduled; it is " + status + ".");
        }
        return with(ArticleStatus.APPROVED, draft, medicalReviewers, approvals, live, nextReviewDue, now)
                .record(now, actor, "scheduled publication cancelled", null);
    }

    /** Whether a scheduled publication has come due; it then publishes as the editor who scheduled it. */
    public boolean isDueForPublication(Instant now) {
        return status == ArticleStatus.SCHEDULED && scheduledFor != null && !scheduledFor.isAfter(now);
    }

    /** Makes the approved working copy the live version: a first publication or a revision replacing it. */
    public Article publish(Actor actor, Instant now, ReviewPolicy policy, IntegrationEvents events) {
        requireEditor(actor);
        if (status == ArticleStatus.SCHEDULED && !isDueForPublication(now)) {
            throw new ConflictException("The article is scheduled for " + scheduledFor
                    + "; cancel the schedule to publish it now.");
        }
        if (status != ArticleStatus.APPROVED && status != ArticleStatus.SCHEDULED) {
            throw new ConflictException("Only an approved article can be published; this one is " + status + ".");
        }
        // Revisions count every publication, also after an unpublication, so consumers can order them.
        int revision = publications + 1;
        Instant approvedAt = approvals.stream().map(MedicalReview::reviewedAt).max(Instant::compareTo).orElse(now);
        Instant publishedAt = live == null ? now : live.publishedAt();
        LiveVersion newLive = new LiveVersion(draft, revision, publishedAt, now, approvals);
        Article published = new Article(id, slug, ArticleStatus.PUBLISHED, draft, author, medicalReviewers, approvals,
                newLive, createdAt, now, policy.nextReviewDue(id, approvedAt), null, null, revision,
                draft.searchText(), history, version, outbox, textFormat)
                .record(now, actor, live == null ? "published" : "republished as revision " + revision, null);
        EventType type = live == null ? EventType.ARTICLE_PUBLISHED : EventType.ARTICLE_REVISED;
        return published.withEvent(events.create(type, id, slug, new ArticlePublished(id, slug, draft.title(),
                draft.summary(), draft.tags(), author, approvals.stream().map(MedicalReview::reviewer).toList(),
                draft.exerciseIds(), now, revision)));
    }

    public Article unpublish(String reason, Actor actor, Instant now, IntegrationEvents events) {
        requireEditor(actor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the article is taken down");
        }
        if (live == null) {
            throw new ConflictException("The article is not published.");
        }
        return with(ArticleStatus.UNPUBLISHED, draft, medicalReviewers, List.of(), null, null, now)
                .record(now, actor, "unpublished", reason)
                .withEvent(events.create(EventType.ARTICLE_UNPUBLISHED, id, slug,
                        new ArticleUnpublished(id, slug, reason, now)));
    }

    /** A reviewer flags live content, or its periodic review fell due: it stays live and goes back to review. */
    public Article needsReview(String reason, Actor actor, Instant now, IntegrationEvents events) {
        if (actor != null && !actor.has(Role.MEDICAL_REVIEWER) && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only medical reviewers and editors flag content for review.");
        }
        if (status != ArticleStatus.PUBLISHED) {
            throw new ConflictException("Only a published article without a revision under way can be flagged; "
                    + "this one is " + status + ".");
        }
        List<String> reviewers = live.medicalReviews().stream().map(MedicalReview::reviewer).toList();
        return with(ArticleStatus.NEEDS_REVIEW, live.content(), medicalReviewers, List.of(), live, nextReviewDue, now)
                .record(now, actor, "needs review", reason)
                .withEvent(events.create(EventType.ARTICLE_REVIEW_DUE, id, slug,
                        new ArticleReviewDue(id, slug, reviewers, now)));
    }

    private void requireAuthorOrEditor(Actor actor) {
        boolean ownAuthor = actor.has(Role.AUTHOR) && actor.username().equals(author);
        if (!ownAuthor && !actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only the article's author or an editor may do this.");
        }
    }

    private static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Only editors publish and unpublish.");
        }
    }

    private Article with(ArticleStatus newStatus, ArticleContent newDraft, List<String> reviewers,
            List<MedicalReview> newApprovals, LiveVersion newLive, Instant newReviewDue, Instant now) {
        String text = newLive == null ? null : newLive.content().searchText();
        return new Article(id, slug, newStatus, newDraft, author, reviewers, newApprovals, newLive, createdAt, now,
                newReviewDue, null, null, publications, text, history, version, outbox, textFormat);
    }

    private Article record(Instant now, Actor actor, String action, String notes) {
        List<WorkflowStep> steps = new ArrayList<>(history);
        ArticleStatus from = steps.isEmpty() ? null : steps.get(steps.size() - 1).to();
        steps.add(new WorkflowStep(now, actor == null ? "system" : actor.username(), action, from, status, notes));
        return new Article(id, slug, status, draft, author, medicalReviewers, approvals, live, createdAt, updatedAt,
                nextReviewDue, scheduledFor, scheduledBy, publications, searchText, steps, version, outbox, textFormat);
    }

    private Article withEvent(OutboxEvent event) {
        List<OutboxEvent> pending = new ArrayList<>(outbox);
        pending.add(event);
        return new Article(id, slug, status, draft, author, medicalReviewers, approvals, live, createdAt, updatedAt,
                nextReviewDue, scheduledFor, scheduledBy, publications, searchText, history, version, pending, textFormat);
    }
}
