package com.healthcontent.articles.article;

import com.healthcontent.articles.exercises.ExerciseSummary;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.WorkflowStep;
import com.healthcontent.editorial.staff.StaffProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How articles are shown: to readers (the live version only) and to staff (the working copy and its history). */
public final class ArticleViews {

    private ArticleViews() {}

    public record Author(String username, String name, String credentials) {}

    public record ExerciseCard(String id, String slug, String name, String summary) {}

    /**
     * A section as readers get it: the Markdown body as written and as safe HTML for web clients; an exercise block
     * carries its card, or nothing if the exercise went away.
     */
    public record SectionView(SectionType type, String heading, String body, String html, ExerciseCard exercise) {}

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
            List<Reference> references,
            Review medicalReview,
            Instant publishedAt,
            Instant lastModifiedAt,
            int revision,
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
            ArticleStatus status,
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
            List<WorkflowStep.Named> history,
            long version) {}

    /** A row of the staff review queue. */
    public record DueForReview(
            String id,
            String slug,
            String title,
            ArticleStatus status,
            Instant nextReviewDue,
            List<String> lastReviewedBy) {}

    static PublicArticle publicArticle(
            Article article,
            StaffProfile author,
            Map<String, ExerciseSummary> exercises,
            List<Link> related,
            List<Link> recent,
            String disclaimer) {
        LiveVersion live = article.live();
        ArticleContent c = live.content();
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
                    return new SectionView(section.type(), section.heading(), section.body(), section.html(), card);
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
                c.references(),
                new Review(live.medicalReviews(), lastReviewed, article.nextReviewDue()),
                live.publishedAt(),
                live.lastModifiedAt(),
                live.revision(),
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
                article.medicalReviewers(),
                article.reviewRound().awaiting(),
                article.approvals(),
                article.submittedAt(),
                article.live() == null ? null : article.live().revision(),
                article.live() == null ? null : article.live().publishedAt(),
                article.nextReviewDue(),
                article.scheduledFor(),
                WorkflowStep.named(article.history(), people),
                article.currentVersion());
    }

    static ReviewQueue.Item queued(Article article, boolean due) {
        ArticleContent content = due ? article.live().content() : article.draft();
        return new ReviewQueue.Item(
                "ARTICLE",
                article.id(),
                article.slug(),
                content.title(),
                article.status().name(),
                article.author(),
                due ? article.nextReviewDue() : article.submittedAt(),
                article.submittedAt(),
                article.nextReviewDue(),
                article.medicalReviewers());
    }

    static DueForReview dueForReview(Article article) {
        return new DueForReview(
                article.id(),
                article.slug(),
                article.live().content().title(),
                article.status(),
                article.nextReviewDue(),
                article.live().medicalReviews().stream()
                        .map(MedicalReview::reviewer)
                        .toList());
    }
}
