package com.healthcontent.editorial.review;

import static com.healthcontent.editorial.review.ContentStatus.APPROVED;
import static com.healthcontent.editorial.review.ContentStatus.IN_REVIEW;
import static com.healthcontent.editorial.review.ContentStatus.PUBLISHED;
import static com.healthcontent.editorial.review.ContentStatus.RETIRED;
import static com.healthcontent.editorial.review.ContentStatus.SCHEDULED;
import static com.healthcontent.editorial.review.ContentStatus.UNPUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
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
 * The editorial workflow as a state machine, proved for each content type that uses it: random sequences of steps
 * taken by random people (authors, an editor, reviewers, someone who is both author and reviewer, an admin, a reader
 * with no role). Whatever they try, the content only moves along {@link ContentStatus#next()}, refusals are
 * 403/409/400/422 kinds that change nothing, nobody approves their own work, only editors put content live or take
 * it down, every live version carries the approvals of reviewers other than its author, what goes live is exactly
 * the working copy that was approved, and there is no dead end. A content type's test extends this with how its
 * steps are taken ({@link #take}) and what its live version is.
 *
 * @param <T> the content type
 */
public abstract class ContentWorkflowProperties<T> {

    protected static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    protected static final ReviewPolicy POLICY = new ReviewPolicy(Duration.ofDays(365), Duration.ofDays(14));

    protected static final List<Actor> PEOPLE = List.of(
            new Actor("ana", Set.of(Role.AUTHOR)),
            new Actor("ben", Set.of(Role.AUTHOR)),
            new Actor("eli", Set.of(Role.EDITOR)),
            new Actor("rao", Set.of(Role.MEDICAL_REVIEWER)),
            new Actor("kim", Set.of(Role.MEDICAL_REVIEWER)),
            new Actor("dr.both", Set.of(Role.AUTHOR, Role.MEDICAL_REVIEWER)),
            new Actor("ops", Set.of(Role.ADMIN)),
            new Actor("reader", Set.of()));

    /** The staff directory: who is a medical reviewer, with the name readers see. */
    protected static final Map<String, StaffProfile> DIRECTORY = Map.of(
            "rao", new StaffProfile("rao", "Dr. Rao", "M.D.", Set.of("MEDICAL_REVIEWER")),
            "kim", new StaffProfile("kim", "Dr. Kim", "DPT", Set.of("MEDICAL_REVIEWER")),
            "dr.both", new StaffProfile("dr.both", "Dr. Both", "M.D.", Set.of("AUTHOR", "MEDICAL_REVIEWER")),
            "ana", new StaffProfile("ana", "Ana", null, Set.of("AUTHOR")),
            "eli", new StaffProfile("eli", "Eli", null, Set.of("EDITOR")));

    public enum Action {
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
        /** Published for a period ({@link #period}), after which the platform ends it ({@link #EXPIRE}). */
        PUBLISH_UNTIL,
        /** The platform's own step, whoever the step's actor is: ending a publication whose period is over. */
        EXPIRE,
        UNPUBLISH,
        UNPUBLISH_WITHOUT_REASON,
        FLAG,
        RETIRE
    }

    public record Step(Actor actor, Action action, List<String> reviewers) {}

    /** The period {@link Action#PUBLISH_UNTIL} publishes for: two steps of a run. */
    protected static Workflow.Expiry period(Instant now) {
        return new Workflow.Expiry(now.plus(Duration.ofMinutes(2)), "The campaign is over.");
    }

    /** A new draft by this author, written at {@code now}. */
    protected abstract T draft(Actor author, Instant now);

    /**
     * The step taken through the content type's own method (each type's edit writes new content). Only {@link
     * #actions()} are asked for.
     */
    protected abstract Changed<T> take(Action action, T item, Actor actor, List<StaffProfile> reviewers, Instant now);

    protected abstract Workflow workflow(T item);

    /** What readers get now, or null when nothing is live. */
    protected abstract Object liveContent(T item);

    /** The working copy. */
    protected abstract Object draftContent(T item);

    /** The approvals readers are shown with the live version. */
    protected abstract List<MedicalReview> liveApprovals(T item);

    /** The events that announce a publication (first or revision) of this type. */
    protected abstract Set<EventType> publicationEvents();

    /** The steps this type offers. */
    protected abstract Set<Action> actions();

    @Property(tries = 300)
    void whateverAnyoneTriesTheWorkflowKeepsItsRules(
            @ForAll("authors") Actor author, @ForAll @Size(min = 10, max = 60) List<@From("steps") Step> steps) {
        T item = draft(author, T0);
        List<IntegrationEvent> raised = new ArrayList<>();
        boolean periodEnded = false;
        Instant now = T0;
        for (Step step : steps) {
            now = now.plusSeconds(60);
            T before = item;
            T after;
            try {
                Changed<T> changed = take(step.action(), before, step.actor(), reviewers(step.reviewers()), now);
                after = changed.aggregate();
                raised.addAll(changed.events());
            } catch (ForbiddenException
                    | ConflictException
                    | InvalidInputException
                    | UnprocessableContentException refused) {
                continue; // a refusal returns nothing: the stored item stays as it was
            }
            // a move outside ContentStatus.next() throws IllegalStateException, which fails this property
            Workflow was = workflow(before);
            Workflow is = workflow(after);
            assertThat(is.history()).hasSize(was.history().size() + 1);
            WorkflowStep recorded = is.history().get(is.history().size() - 1);
            assertThat(recorded.from()).isEqualTo(was.status().name());
            assertThat(recorded.to()).isEqualTo(is.status().name());
            boolean byPlatform = step.action() == Action.EXPIRE;
            assertThat(recorded.actor())
                    .isEqualTo(byPlatform ? WorkflowStep.SYSTEM : step.actor().username());
            if (byPlatform) {
                assertThat(was.isExpired(now))
                        .as("only a period that is over ends")
                        .isTrue();
                assertThat(is.status()).isIn(UNPUBLISHED, RETIRED);
                assertThat(recorded.notes()).isEqualTo(was.expiry().reason());
                periodEnded = true;
            }
            if (is.status() == UNPUBLISHED || is.status() == RETIRED) {
                assertThat(is.expiry()).as("a period ends with the publication").isNull();
            }
            if (EnumSet.of(PUBLISHED, UNPUBLISHED, SCHEDULED, RETIRED).contains(is.status())
                    && is.status() != was.status()
                    && !byPlatform) {
                assertThat(step.actor().has(Role.EDITOR))
                        .as("only editors schedule, publish, unpublish and retire")
                        .isTrue();
            }
            if (is.status() == APPROVED && was.status() == IN_REVIEW) {
                assertThat(is.approvals()).extracting(MedicalReview::reviewer).containsAll(is.medicalReviewers());
            }
            assertThat(is.approvals()).extracting(MedicalReview::reviewer).doesNotContain(author.username());
            if (is.status() == PUBLISHED && was.status() != PUBLISHED) {
                assertThat(liveContent(after))
                        .as("what goes live is the working copy the reviewers approved")
                        .isEqualTo(draftContent(before));
                assertThat(liveApprovals(after)).isEqualTo(was.approvals());
            }
            if (liveContent(after) != null) {
                assertThat(liveApprovals(after))
                        .isNotEmpty()
                        .extracting(MedicalReview::reviewer)
                        .doesNotContain(author.username());
            }
            if (liveContent(before) != null && is.status() != UNPUBLISHED && is.status() != PUBLISHED) {
                assertThat(liveContent(after))
                        .as("no step but a publication changes what readers get")
                        .isEqualTo(liveContent(before));
            }
            if (is.status() != was.status()) { // a state newly reached: a way out of it (checking every step is costly)
                assertThat(waysOut(after))
                        .as("some role can move a %s item on", is.status())
                        .isNotEmpty();
            }
            if (is.status() == IN_REVIEW) {
                assertThat(is.medicalReviewers())
                        .as("only medical reviewers, never the author")
                        .allMatch(name -> DIRECTORY.get(name).isMedicalReviewer())
                        .doesNotContain(author.username());
            }
            item = after;
        }
        int publications = workflow(item).publications();
        Statistics.label("ended").collect(workflow(item).status());
        Statistics.label("reached").collect(publications > 0 ? "published" : "never published");
        Statistics.label("reached")
                .coverage(coverage -> coverage.check("published").percentage(p -> p > 10));
        if (actions().contains(Action.EXPIRE)) {
            Statistics.label("publication period").collect(periodEnded ? "ended by the platform" : "not ended");
            // about 4% of runs (a period must be set and then outlast two steps): at least a couple, never flaky
            Statistics.label("publication period")
                    .coverage(
                            coverage -> coverage.check("ended by the platform").percentage(p -> p > 0.5));
        }
        long announced = raised.stream()
                .map(IntegrationEvent::type)
                .filter(publicationEvents()::contains)
                .count();
        assertThat(announced).as("one publication event per publication").isEqualTo(publications);
    }

    /**
     * No dead ends: every state has a step some member of staff may take that changes it (withdrawing from review,
     * reassigning, publishing, cancelling a schedule, editing...). Found by trying every step as everyone.
     */
    private List<String> waysOut(T item) {
        List<String> ways = new ArrayList<>();
        ContentStatus status = workflow(item).status();
        for (Actor actor : PEOPLE) {
            for (Action action : actions()) {
                for (List<String> names : List.of(List.of("rao"), List.of("kim"))) {
                    try {
                        T moved = take(action, item, actor, reviewers(names), T0.plus(Duration.ofDays(400)))
                                .aggregate();
                        if (workflow(moved).status() != status) {
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

    /**
     * What the staff directory gives the service for the names in a request: the profiles, with a non-reviewer among
     * them refused (422) as the directory refuses it.
     */
    private static List<StaffProfile> reviewers(List<String> names) {
        return names.stream().map(DIRECTORY::get).toList();
    }

    /** For {@link #take}: the staff directory's 422 for names that are not all medical reviewers. */
    protected static List<StaffProfile> checkedReviewers(List<StaffProfile> profiles) {
        if (profiles.stream().anyMatch(profile -> !profile.isMedicalReviewer())) {
            throw new UnprocessableContentException("not reviewers", List.of());
        }
        return profiles;
    }

    /** For {@link #take}: the profile of whoever takes the step. */
    protected static StaffProfile self(Actor actor) {
        return DIRECTORY.getOrDefault(actor.username(), StaffProfile.unknown(actor.username()));
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
        Map<Action, Integer> weights = Map.ofEntries(
                Map.entry(Action.EDIT, 1),
                Map.entry(Action.SUBMIT, 6),
                Map.entry(Action.APPROVE, 10),
                Map.entry(Action.PUBLISH, 8),
                Map.entry(Action.PUBLISH_UNTIL, 8),
                Map.entry(Action.EXPIRE, 8));
        List<Tuple.Tuple2<Integer, Action>> frequencies = actions().stream()
                .sorted()
                .map(action -> Tuple.of(weights.getOrDefault(action, 1), action))
                .toList();
        Arbitrary<Action> actions = Arbitraries.frequency(frequencies.toArray(Tuple.Tuple2[]::new));
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
            case APPROVE, REQUEST_CHANGES, FLAG -> List.of(PEOPLE.get(3), PEOPLE.get(4));
            default -> List.of(PEOPLE.get(2), PEOPLE.get(6));
        };
    }
}
