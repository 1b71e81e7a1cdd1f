package com.healthcontent.articles.article;

import com.healthcontent.articles.exercises.ExerciseSummary;
import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.review.WorkflowStep;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.servicedefaults.text.Markdown;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How articles are shown: to readers (the live version only) and to staff (the working copy and its history). */
public final class ArticleViews {

    private ArticleViews() {}

    public record Author(String username, String name, String credentials) {}

    public record ExerciseCard(String id, String slug, String name, String summary) {}

    /**
     * A section as readers get it: the Markdown body as written and as safe HTML for web clients, in which each
     * citation marker {@code [n]} of a reference links to it ({@code <a href="#ref-n" class="citation">[n]</a>});
     * an exercise block carries its card, or nothing if the exercise went away.
     */
    public record SectionView(SectionType type, String heading, String body, String html, ExerciseCard exercise) {}

    /** A reference as readers get it: with {@code id}, the anchor ({@code ref-n}) its citations link to. */
    public record ReferenceView(String id, int number, String title, String url, String doi, String pubmedId) {

        static ReferenceView of(Reference reference) {
            return new ReferenceView(
                    Markdown.citationAnchor(reference.number()),
                    reference.number(),
                    reference.title(),
                    reference.url(),
                    reference.doi(),
                    reference.pubmedId());
        }
    }

    public record Review(List<MedicalReview> reviewers, Instant lastReviewedAt, Instant nextReviewDue) {}

    public record Link(String slug, String title) {}

    public record PublicArticle(
            String id,
            String slug,
            String title,
            String summary,
            String language,
            List<String> categories,
            List<String> tags,
            Audience audience,
            Author author,
            List<SectionView> sections,
            List<ReferenceView> references,
            Review medicalReview,
            Instant publishedAt,
            Instant lastModifiedAt,
            int revision,
            String contentDigest,
            String disclaimer,
            List<Link> related,
            List<Link> recent) {}

    public record ListedArticle(
            String id,
            String slug,
            String title,
            String summary,
            List<String> tags,
            Instant publishedAt,
            Instant lastModifiedAt,
            Instant lastReviewedAt) {}

    /** Staff see the working copy, who it waits for, and each step with the name of who took it. */
    public record Draft(
            String id,
            String slug,
            ContentStatus status,
            ArticleContent content,
            String author,
            String authorName,
            List<String> medicalReviewers,
            List<String> awaiting,
            List<MedicalReview> approvals,
            Instant submittedAt,
            Integer liveRevision,
            Instant livePublishedAt,
            Instant nextReviewDue,
            Instant scheduledFor,
            Workflow.Expiry publishedUntil,
            List<WorkflowStep.Named> history,
            long version) {}

    /** A row of the staff review queue. */
    public record DueForReview(
            String id,
            String slug,
            String title,
            ContentStatus status,
            Instant nextReviewDue,
            List<String> lastReviewedBy) {}

    static PublicArticle publicArticle(
            Article article,
            StaffProfile author,
            Map<String, ExerciseSummary> exercises,
            List<Link> related,
            List<Link> recent,
            String disclaimer,
            String contentDigest) {
        LiveVersion live = article.live();
        ArticleContent c = live.content();
        Set<Integer> cited = c.references().stream().map(Reference::number).collect(Collectors.toUnmodifiableSet());
        List<SectionView> sections = c.sections().stream()
                .map(section -> {
                    ExerciseCard card = null;
                    if (section.type() == SectionType.EXERCISE) {
                        ExerciseSummary exercise = exercises.get(section.exerciseId());
                        card = exercise == null || exercise.retired()
                                ? null
                                : new ExerciseCard(
                                        exercise.exerciseId(), exercise.slug(), exercise.name(), exercise.summary());
                    }
                    return new SectionView(
                            section.type(),
                            section.heading(),
                            section.body(),
                            Markdown.toHtml(section.body(), cited),
                            card);
                })
                .filter(section -> section.type() != SectionType.EXERCISE || section.exercise() != null)
                .toList();
        Instant lastReviewed = live.medicalReviews().stream()
                .map(MedicalReview::reviewedAt)
                .max(Instant::compareTo)
                .orElse(null);
        return new PublicArticle(
                article.id(),
                article.slug(),
                c.title(),
                c.summary(),
                c.language(),
                c.categories(),
                c.tags(),
                c.audience(),
                new Author(
                        article.author(),
                        c.authorName() != null ? c.authorName() : author.name(),
                        c.authorCredentials() != null ? c.authorCredentials() : author.credentials()),
                sections,
                c.references().stream().map(ReferenceView::of).toList(),
                new Review(
                        live.medicalReviews(), lastReviewed, article.workflow().nextReviewDue()),
                live.publishedAt(),
                live.lastModifiedAt(),
                live.revision(),
                contentDigest,
                disclaimer,
                related,
                recent);
    }

    static ListedArticle listed(Article article) {
        LiveVersion live = article.live();
        return new ListedArticle(
                article.id(),
                article.slug(),
                live.content().title(),
                live.content().summary(),
                live.content().tags(),
                live.publishedAt(),
                live.lastModifiedAt(),
                live.medicalReviews().stream()
                        .map(MedicalReview::reviewedAt)
                        .max(Instant::compareTo)
                        .orElse(null));
    }

    static Draft draft(Article article, Function<String, StaffProfile> people) {
        return new Draft(
                article.id(),
                article.slug(),
                article.status(),
                article.draft(),
                article.author(),
                people.apply(article.author()).name(),
                article.workflow().medicalReviewers(),
                article.workflow().reviewRound().awaiting(),
                article.workflow().approvals(),
                article.workflow().submittedAt(),
                article.live() == null ? null : article.live().revision(),
                article.live() == null ? null : article.live().publishedAt(),
                article.workflow().nextReviewDue(),
                article.workflow().scheduledFor(),
                article.workflow().expiry(),
                WorkflowStep.named(article.workflow().history(), people),
                article.currentVersion());
    }

    static ReviewQueue.Item queued(Article article, boolean due) {
        ArticleContent content = due ? article.live().content() : article.draft();
        return ReviewQueue.item(
                new Workflow.Subject(ContentKind.ARTICLE, article.id(), article.slug(), content.title()),
                article.workflow(),
                due);
    }

    static DueForReview dueForReview(Article article) {
        return new DueForReview(
                article.id(),
                article.slug(),
                article.live().content().title(),
                article.status(),
                article.workflow().nextReviewDue(),
                article.live().medicalReviews().stream()
                        .map(MedicalReview::reviewer)
                        .toList());
    }
}
