package com.healthcontent.articles.article;

import static com.healthcontent.articles.article.ArticleStatus.APPROVED;
import static com.healthcontent.articles.article.ArticleStatus.IN_REVIEW;
import static com.healthcontent.articles.article.ArticleStatus.PUBLISHED;
import static com.healthcontent.articles.article.ArticleStatus.SCHEDULED;
import static com.healthcontent.articles.article.ArticleStatus.UNPUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.WorkflowStep;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The editorial workflow as a state machine, driven by random sequences of steps taken by random people (authors,
 * an editor, reviewers, someone who is both author and reviewer, an admin, a reader with no role): whatever they
 * try, the article only moves along the transition table (ArticleStatus.next), refusals are 403/409/400-kinds that change
 * nothing, nobody approves their own article, only editors put content live or take it down, and every live
 * version carries the approvals of reviewers other than its author.
 */
class WorkflowProperties {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final ReviewPolicy POLICY = new ReviewPolicy(Duration.ofDays(365), Duration.ofDays(14));

    static final List<Actor> PEOPLE = List.of(
            new Actor("ana", Set.of(Role.AUTHOR)),
            new Actor("ben", Set.of(Role.AUTHOR)),
            new Actor("eli", Set.of(Role.EDITOR)),
            new Actor("rao", Set.of(Role.MEDICAL_REVIEWER)),
            new Actor("kim", Set.of(Role.MEDICAL_REVIEWER)),
            new Actor("dr.both", Set.of(Role.AUTHOR, Role.MEDICAL_REVIEWER)),
            new Actor("ops", Set.of(Role.ADMIN)),
            new Actor("reader", Set.of()));

    /** The staff directory: who is a medical reviewer, with the name readers see. */
    static final Map<String, StaffProfile> DIRECTORY = Map.of(
            "rao", new StaffProfile("rao", "Dr. Rao", "M.D.", Set.of("MEDICAL_REVIEWER")),
            "kim", new StaffProfile("kim", "Dr. Kim", "DPT", Set.of("MEDICAL_REVIEWER")),
            "dr.both", new StaffProfile("dr.both", "Dr. Both", "M.D.", Set.of("AUTHOR", "MEDICAL_REVIEWER")),
            "ana", new StaffProfile("ana", "Ana", null, Set.of("AUTHOR")),
            "eli", new StaffProfile("eli", "Eli", null, Set.of("EDITOR")));

    enum Action {
        EDIT,
        SUBMIT,
        APPROVE,
        REQUEST_CHANGES,
        WITHDRAW,
        REASSIGN,
        SCHEDULE,
        SCHEDULE_IN_PAST,
        CANCEL_SCHEDULE,
        PUBLISH,
        UNPUBLISH,
        UNPUBLISH_WITHOUT_REASON,
        FLAG
    }

    record Step(Actor actor, Action action, List<String> reviewers) {}

    @Property(tries = 1000)
    void whateverAnyoneTriesTheWorkflowKeepsItsRules(
            @ForAll("authors") Actor author, @ForAll @Size(min = 5, max = 60) List<@From("steps") Step> steps) {
        Article article = Article.draft("an-article", content(), author, T0);
        List<IntegrationEvent> raised = new java.util.ArrayList<>();
        Instant now = T0;
        for (Step step : steps) {
            now = now.plusSeconds(60);
            Article before = article;
            Article after;
            try {
                Changed<Article> changed = take(step, before, now);
                after = changed.aggregate();
                raised.addAll(changed.events());
            } catch (ForbiddenException
                    | ConflictException
                    | InvalidInputException
                    | UnprocessableContentException refused) {
                continue; // a refusal returns nothing: the stored article stays as it was
            }
            // a move outside ArticleStatus.next() throws IllegalStateException, which fails this property
            assertThat(after.history()).hasSize(before.history().size() + 1);
            WorkflowStep recorded = after.history().get(after.history().size() - 1);
            assertThat(recorded.from()).isEqualTo(before.status().name());
            assertThat(recorded.to()).isEqualTo(after.status().name());
            assertThat(recorded.actor()).isEqualTo(step.actor().username());
            if (EnumSet.of(PUBLISHED, UNPUBLISHED, SCHEDULED).contains(after.status())
                    && after.status() != before.status()) {
                assertThat(step.actor().has(Role.EDITOR))
                        .as("only editors schedule, publish and unpublish")
                        .isTrue();
            }
            if (after.status() == APPROVED && before.status() == IN_REVIEW) {
                assertThat(after.approvals())
                        .extracting(MedicalReview::reviewer)
                        .containsAll(after.medicalReviewers());
            }
            assertThat(after.approvals()).extracting(MedicalReview::reviewer).doesNotContain(author.username());
            if (after.isLive()) {
                assertThat(after.live().medicalReviews())
                        .isNotEmpty()
                        .extracting(MedicalReview::reviewer)
                        .doesNotContain(author.username());
            }
            assertThat(waysOut(after))
                    .as("some role can move a %s article on", after.status())
                    .isNotEmpty();
            if (after.status() == IN_REVIEW) {
                assertThat(after.medicalReviewers())
                        .as("only medical reviewers, never the author")
                        .allMatch(name -> DIRECTORY.get(name).isMedicalReviewer())
                        .doesNotContain(author.username());
            }
            article = after;
        }
        Statistics.label("reached").collect(article.publications() > 0 ? "published" : "never published");
        Statistics.label("reached")
                .coverage(coverage -> coverage.check("published").percentage(p -> p > 10));
        long publications = raised.stream()
                .map(IntegrationEvent::type)
                .filter(type -> type == EventType.ARTICLE_PUBLISHED || type == EventType.ARTICLE_REVISED)
                .count();
        assertThat(publications)
                .as("one published or revised event per publication")
                .isEqualTo(article.publications().longValue());
    }

    /**
     * No dead ends: every state has a step some member of staff may take that changes it (withdrawing from review,
     * reassigning, publishing, cancelling a schedule, editing...). Found by trying every step as everyone.
     */
    private static List<String> waysOut(Article article) {
        List<String> ways = new java.util.ArrayList<>();
        for (Actor actor : PEOPLE) {
            for (Action action : Action.values()) {
                for (List<String> reviewers : List.of(List.of("rao"), List.of("kim"))) {
                    try {
                        Article moved = take(new Step(actor, action, reviewers), article, T0.plus(Duration.ofDays(400)))
                                .aggregate();
                        if (moved.status() != article.status()) {
                            ways.add(actor.username() + ":" + action);
                        }
                    } catch (ForbiddenException
                            | ConflictException
                            | InvalidInputException
                            | UnprocessableContentException refused) {
                        // not this one
                    }
                }
            }
        }
        return ways;
    }

    /** What the staff directory gives the service for the names in a request: 422 unless all are reviewers. */
    private static List<StaffProfile> reviewers(List<String> names) {
        List<StaffProfile> profiles = names.stream().map(DIRECTORY::get).toList();
        if (profiles.stream().anyMatch(profile -> !profile.isMedicalReviewer())) {
            throw new UnprocessableContentException("not reviewers", List.of());
        }
        return profiles;
    }

    private static Changed<Article> take(Step step, Article article, Instant now) {
        Actor actor = step.actor();
        StaffProfile self = DIRECTORY.getOrDefault(actor.username(), StaffProfile.unknown(actor.username()));
        return switch (step.action()) {
            case EDIT -> article.edit(content(), actor, now);
            case SUBMIT -> article.submit(reviewers(step.reviewers()), actor, now);
            case APPROVE -> article.review(true, "Checked.", self, actor, now);
            case REQUEST_CHANGES -> article.review(false, "Please cite.", self, actor, now);
            case WITHDRAW -> article.withdraw("Not ready after all.", actor, now);
            case REASSIGN -> article.reassign(reviewers(step.reviewers()), actor, now);
            case SCHEDULE -> article.schedule(now.plus(Duration.ofDays(1)), actor, now);
            case SCHEDULE_IN_PAST -> article.schedule(now.minusSeconds(1), actor, now);
            case CANCEL_SCHEDULE -> article.cancelSchedule(actor, now);
            case PUBLISH -> article.publish(actor, now, POLICY);
            case UNPUBLISH -> article.unpublish("Outdated advice.", actor, now);
            case UNPUBLISH_WITHOUT_REASON -> article.unpublish(" ", actor, now);
            case FLAG -> article.needsReview("New guideline.", actor, now);
        };
    }

    @Provide
    Arbitrary<Actor> authors() {
        return Arbitraries.of(PEOPLE.get(0), PEOPLE.get(2), PEOPLE.get(5));
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<List<String>> reviewers = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(List.of("rao"), List.of("kim"), List.of("rao", "kim"))),
                Tuple.of(
                        1,
                        Arbitraries.of("rao", "kim", "dr.both", "ana", "eli")
                                .list()
                                .ofMaxSize(6)));
        // Mostly the person whose job the step is, sometimes anyone: sequences reach publication and beyond, and
        // every step is also tried by people who must be refused.
        Arbitrary<Action> actions = Arbitraries.frequency(
                Tuple.of(2, Action.EDIT),
                Tuple.of(4, Action.SUBMIT),
                Tuple.of(6, Action.APPROVE),
                Tuple.of(1, Action.REQUEST_CHANGES),
                Tuple.of(1, Action.WITHDRAW),
                Tuple.of(1, Action.REASSIGN),
                Tuple.of(1, Action.SCHEDULE),
                Tuple.of(1, Action.SCHEDULE_IN_PAST),
                Tuple.of(1, Action.CANCEL_SCHEDULE),
                Tuple.of(4, Action.PUBLISH),
                Tuple.of(1, Action.UNPUBLISH),
                Tuple.of(1, Action.UNPUBLISH_WITHOUT_REASON),
                Tuple.of(1, Action.FLAG));
        return actions.flatMap(action -> Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.of(usualActors(action))), Tuple.of(1, Arbitraries.of(PEOPLE))),
                        Arbitraries.just(action),
                        reviewers)
                .as(Step::new));
    }

    private static List<Actor> usualActors(Action action) {
        return switch (action) {
            case EDIT, SUBMIT, WITHDRAW -> List.of(PEOPLE.get(0), PEOPLE.get(2), PEOPLE.get(5));
            case APPROVE, REQUEST_CHANGES, FLAG -> List.of(PEOPLE.get(3), PEOPLE.get(4), PEOPLE.get(5));
            default -> List.of(PEOPLE.get(2), PEOPLE.get(6));
        };
    }

    private static ArticleContent content() {
        return new ArticleContent(
                "Cracking your back",
                "What happens when a joint pops.",
                null,
                List.of(),
                List.of("back pain"),
                null,
                null,
                null,
                List.of(new Section(SectionType.TEXT, null, "Joints can pop when gas bubbles form [1].", null)),
                List.of(new Reference(1, "A paper", "https://example.org/paper", null, null)),
                List.of());
    }
}
