package com.healthcontent.articles.article;

import com.healthcontent.editorial.review.ContentWorkflowProperties;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.servicedefaults.security.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The workflow's properties for articles: scheduled, flagged and unpublished, never retired. */
class ArticleWorkflowProperties extends ContentWorkflowProperties<Article> {

    @Override
    protected Article draft(Actor author, Instant now) {
        return Article.draft("an-article", content(0), author, now);
    }

    @Override
    protected Changed<Article> take(
            Action action, Article article, Actor actor, List<StaffProfile> reviewers, Instant now) {
        return switch (action) {
            case EDIT -> article.edit(content(article.workflow().history().size()), actor, now);
            case SUBMIT -> article.submit(checkedReviewers(reviewers), actor, now);
            case APPROVE -> article.review(true, "Checked.", self(actor), actor, now);
            case REQUEST_CHANGES -> article.review(false, "Please cite.", self(actor), actor, now);
            case WITHDRAW -> article.withdraw("Not ready after all.", actor, now);
            case REASSIGN -> article.reassign(checkedReviewers(reviewers), actor, now);
            case SCHEDULE -> article.schedule(now.plus(Duration.ofDays(1)), null, actor, now);
            case SCHEDULE_IN_PAST -> article.schedule(now.minusSeconds(1), null, actor, now);
            case CANCEL_SCHEDULE -> article.cancelSchedule(actor, now);
            case PUBLISH -> article.publish(actor, now, POLICY, null);
            case PUBLISH_UNTIL -> article.publish(actor, now, POLICY, period(now));
            case EXPIRE -> article.expire(now);
            case UNPUBLISH -> article.unpublish("Outdated advice.", actor, now);
            case UNPUBLISH_WITHOUT_REASON -> article.unpublish(" ", actor, now);
            case FLAG -> article.needsReview("New guideline.", actor, now);
            case RETIRE -> throw new UnsupportedOperationException("articles are not retired");
        };
    }

    @Override
    protected Workflow workflow(Article article) {
        return article.workflow();
    }

    @Override
    protected Object liveContent(Article article) {
        return article.isLive() ? article.live().content() : null;
    }

    @Override
    protected Object draftContent(Article article) {
        return article.draft();
    }

    @Override
    protected List<MedicalReview> liveApprovals(Article article) {
        return article.isLive() ? article.live().medicalReviews() : List.of();
    }

    @Override
    protected Set<EventType> publicationEvents() {
        return Set.of(EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_REVISED);
    }

    @Override
    protected Set<Action> actions() {
        return EnumSet.complementOf(EnumSet.of(Action.RETIRE));
    }

    /** A different text for every edit, so that what goes live can be told from what was edited later. */
    private static ArticleContent content(int edit) {
        return new ArticleContent(
                "Cracking your back",
                "What happens when a joint pops.",
                null,
                List.of(),
                List.of("back pain"),
                null,
                null,
                null,
                List.of(new Section(
                        SectionType.TEXT, null, "Joints can pop when gas bubbles form [1]. Edit " + edit + ".", null)),
                List.of(new Reference(1, "A paper", "https://example.org/paper", null, null)),
                List.of());
    }
}
