package com.healthcontent.readersite.articles;

import com.healthcontent.readersite.exercises.Exercise;
import com.healthcontent.readersite.exercises.Routine;
import com.healthcontent.readersite.feedback.FeedbackSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything an article page shows, as the gateway composes it in one request ({@code /api/v1/pages/articles}): the
 * article, the exercises its sections feature, the routines that use them, its feedback summary and related
 * reading. A part whose service did not answer is named in {@code unavailable}; the page is shown without it.
 */
public record ArticlePage(
        Article article,
        List<Exercise> exercises,
        List<Routine> routines,
        FeedbackSummary feedback,
        List<Link> related,
        List<String> unavailable) {

    public ArticlePage {
        exercises = exercises == null ? List.of() : exercises;
        routines = routines == null ? List.of() : routines;
        related = related == null ? List.of() : related;
        unavailable = unavailable == null ? List.of() : unavailable;
    }

    /** The full exercise a section features, when exercise-service answered. */
    public Optional<Exercise> exercise(Section section) {
        if (section.exercise() == null) {
            return Optional.empty();
        }
        return exercises.stream()
                .filter(exercise -> exercise.slug().equals(section.exercise().slug()))
                .findFirst();
    }

    public record Article(
            String id,
            String slug,
            String title,
            String summary,
            String language,
            String audience,
            List<String> categories,
            List<String> tags,
            Author author,
            Review medicalReview,
            String disclaimer,
            List<Section> sections,
            List<Reference> references,
            List<Link> related,
            List<Link> recent,
            Instant publishedAt,
            Instant lastModifiedAt,
            Integer revision,
            String contentDigest) {

        public Article {
            categories = categories == null ? List.of() : categories;
            tags = tags == null ? List.of() : tags;
            sections = sections == null ? List.of() : sections;
            references = references == null ? List.of() : references;
            related = related == null ? List.of() : related;
            recent = recent == null ? List.of() : recent;
        }

        /** The sections with a heading, for "On this page". */
        public List<Section> headedSections() {
            return sections.stream()
                    .filter(section ->
                            section.heading() != null && !section.heading().isBlank())
                    .toList();
        }
    }

    public record Author(String name, String credentials) {}

    public record Review(Instant lastReviewedAt, Instant nextReviewDue, List<Reviewer> reviewers) {

        public Review {
            reviewers = reviewers == null ? List.of() : reviewers;
        }

        public LocalDate lastReviewedOn() {
            return day(lastReviewedAt);
        }

        public LocalDate nextReviewDueOn() {
            return day(nextReviewDue);
        }
    }

    public record Reviewer(String reviewer, String name, String credentials, Instant reviewedAt) {}

    /** A section: prose ({@code html} is the platform's safe rendering, citations linked), a callout or an exercise. */
    public record Section(String type, String heading, String html, ExerciseCard exercise) {

        public boolean isExercise() {
            return "EXERCISE".equals(type);
        }

        public boolean isCallout() {
            return "CALLOUT".equals(type);
        }

        /** The anchor of the section's heading, for "On this page". */
        public String anchor() {
            return heading == null
                    ? null
                    : EDGE_DASHES
                            .matcher(NOT_ALPHANUMERIC
                                    .matcher(heading.toLowerCase(Locale.ROOT))
                                    .replaceAll("-"))
                            .replaceAll("");
        }

        private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
        private static final Pattern EDGE_DASHES = Pattern.compile("(^-|-$)");
    }

    public record ExerciseCard(String id, String slug, String name, String summary) {}

    /**
     * A numbered reference. The DOI and PubMed links are the ones a reader can follow to the paper; {@code url} is
     * any other source (a guideline's page).
     */
    public record Reference(int number, String title, String url, String doi, String pubmedId) {

        public String doiUrl() {
            return doi == null || doi.isBlank() ? null : "https://doi.org/" + doi;
        }

        public String pubmedUrl() {
            return pubmedId == null || pubmedId.isBlank() ? null : "https://pubmed.ncbi.nlm.nih.gov/" + pubmedId + "/";
        }
    }

    public record Link(String slug, String title) {}

    static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
