package com.healthcontent.articles.article;

import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleReviewDue;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.servicedefaults.security.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * An article: its working copy ({@code draft}) going through the editorial and medical-review {@link Workflow}, and
 * the live version readers see. The workflow decides who may take which step from which state; the article keeps
 * what is its own: its content, the live version made at publication, and the events about them ({@link Changed}).
 */
@Document("articles")
@PublishesEvents
public record Article(
        @Id String id,
        @Indexed(unique = true) String slug,
        ArticleContent draft,
        LiveVersion live,
        @Unwrapped.Empty Workflow workflow,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version,
        Integer textFormat) {

    /** Text kept exactly as sent; documents without it were written when bodies were stored escaped. */
    public static final int TEXT_FORMAT = 2;

    public Article {
        if (live != null) {
            workflow = workflow.publishedAtLeast(live.revision()); // documents written before publications were counted
        }
        if (textFormat == null) {
            draft = draft.withLegacyEscapingUndone();
            live = live == null ? null : live.withLegacyEscapingUndone();
            textFormat = TEXT_FORMAT;
        }
    }

    public static Article draft(String slug, ArticleContent content, Actor actor, Instant now) {
        Workflow workflow = Workflow.started(ContentKind.ARTICLE, actor, now);
        return new Article(UUID.randomUUID().toString(), slug, content, null, workflow, now, now, null, TEXT_FORMAT);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    public boolean isLive() {
        return live != null;
    }

    public ContentStatus status() {
        return workflow.status();
    }

    public String author() {
        return workflow.author();
    }

    /** Replaces the working copy. Editing published content starts a revision; the live version stays up. */
    public Changed<Article> edit(ArticleContent content, Actor actor, Instant now) {
        return after(workflow.edit(subject(), isLive(), actor, now), content, live);
    }

    /** Sends the working copy to medical reviewers from the staff directory; nobody reviews their own article. */
    public Changed<Article> submit(List<StaffProfile> reviewers, Actor actor, Instant now) {
        return after(workflow.submit(subject(), reviewers, actor, now), draft, live);
    }

    public Changed<Article> withdraw(String reason, Actor actor, Instant now) {
        return after(workflow.withdraw(subject(), reason, actor, now), draft, live);
    }

    public Changed<Article> reassign(List<StaffProfile> reviewers, Actor actor, Instant now) {
        return after(workflow.reassign(subject(), reviewers, actor, now), draft, live);
    }

    public Changed<Article> review(boolean approved, String notes, StaffProfile reviewer, Actor actor, Instant now) {
        return after(workflow.review(subject(), approved, notes, reviewer, actor, now), draft, live);
    }

    public Changed<Article> schedule(Instant at, Workflow.Expiry expiry, Actor actor, Instant now) {
        return after(workflow.schedule(subject(), at, expiry, actor, now), draft, live);
    }

    public Changed<Article> cancelSchedule(Actor actor, Instant now) {
        return after(workflow.cancelSchedule(subject(), actor, now), draft, live);
    }

    /** Makes the approved working copy the live version: a first publication or a revision replacing it. */
    public Changed<Article> publish(Actor actor, Instant now, ReviewPolicy policy, Workflow.Expiry expiry) {
        Workflow.Step step = workflow.publish(subject(), isLive(), actor, now, policy, expiry);
        int revision = step.workflow().publications();
        Instant publishedAt = live == null ? now : live.publishedAt();
        EventType type = live == null ? EventType.ARTICLE_PUBLISHED : EventType.ARTICLE_REVISED;
        return after(step, draft, new LiveVersion(draft, revision, publishedAt, now, workflow.approvals()))
                .and(event(
                        type,
                        new ArticlePublished(
                                id,
                                slug,
                                draft.title(),
                                draft.summary(),
                                draft.tags(),
                                author(),
                                workflow.approvals().stream()
                                        .map(MedicalReview::reviewer)
                                        .toList(),
                                draft.exerciseIds(),
                                now,
                                revision)));
    }

    public Changed<Article> unpublish(String reason, Actor actor, Instant now) {
        return after(workflow.unpublish(subject(), reason, isLive(), actor, now), draft, null)
                .and(event(EventType.ARTICLE_UNPUBLISHED, new ArticleUnpublished(id, slug, reason, now)));
    }

    /** Its publication period is over: unpublished by the platform with the reason its editor gave. */
    public Changed<Article> expire(Instant now) {
        Workflow.Step step = workflow.expire(subject(), isLive(), ContentStatus.UNPUBLISHED, now);
        String reason = workflow.expiry().reason();
        return after(step, draft, null)
                .and(event(EventType.ARTICLE_UNPUBLISHED, new ArticleUnpublished(id, slug, reason, now)));
    }

    /** A reviewer flags live content, or its periodic review fell due: it stays live and goes back to review. */
    public Changed<Article> needsReview(String reason, Actor actor, Instant now) {
        Workflow.Step step = workflow.needsReview(subject(), reason, actor, now);
        List<String> reviewers =
                live.medicalReviews().stream().map(MedicalReview::reviewer).toList();
        return after(step, live.content(), live)
                .and(event(EventType.ARTICLE_REVIEW_DUE, new ArticleReviewDue(id, slug, reviewers, now)));
    }

    private Workflow.Subject subject() {
        return new Workflow.Subject(ContentKind.ARTICLE, id, slug, draft.title());
    }

    private IntegrationEvent event(EventType type, Object data) {
        return new IntegrationEvent(type, id, slug, data);
    }

    /** The article after a workflow step. */
    private Changed<Article> after(Workflow.Step step, ArticleContent newDraft, LiveVersion newLive) {
        Article article =
                new Article(id, slug, newDraft, newLive, step.workflow(), createdAt, step.at(), version, textFormat);
        return new Changed<>(article, new ArrayList<>(step.events()));
    }
}
