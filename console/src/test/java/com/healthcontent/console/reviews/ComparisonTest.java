package com.healthcontent.console.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.console.reviews.Comparison.Change;
import com.healthcontent.console.reviews.Comparison.Section;
import com.healthcontent.console.reviews.Comparison.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the review page tells a reviewer before they approve. */
class ComparisonTest {

    @Test
    void aRevisionIsComparedWithTheLiveVersionSectionBySectionByHeading() {
        List<Section> live = List.of(
                new Section("Why it pops", "Gas bubbles [1]."),
                new Section("Is it harmful?", "Rarely."),
                new Section("Old advice", "Crack it daily."));
        List<Section> revision = List.of(
                new Section("Why it pops", "Gas bubbles [1]."),
                new Section("is it harmful? ", "Rarely, if done gently [2]."),
                new Section("Stretches", "Try these."));

        assertThat(Comparison.sections(revision, live))
                .extracting(Comparison.SectionChange::heading, Comparison.SectionChange::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Why it pops", Change.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple("is it harmful? ", Change.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("Stretches", Change.NEW),
                        org.assertj.core.groups.Tuple.tuple("Old advice", Change.REMOVED));
        assertThat(Comparison.sections(revision, List.of()))
                .extracting(Comparison.SectionChange::change)
                .containsOnly(Change.NEW);
    }

    @Test
    void aRoutineIsComparedWithTheLiveVersionStepByStepByExercise() {
        Map<String, Object> twice = Map.of("repetitions", Map.of("min", 2, "max", 2));
        Map<String, Object> thrice = Map.of("repetitions", Map.of("min", 3, "max", 3));
        List<Step> live = List.of(
                new Step("e-1", "Knees to chest", twice, 60),
                new Step("e-3", "Pelvic tilt", twice, 20),
                new Step("e-4", "Child's pose", twice, 60));
        List<Step> revision = List.of(
                new Step("e-1", "Knees to chest", twice, 60),
                new Step("e-2", "Cat-cow", twice, 30),
                new Step("e-3", "Pelvic tilt", thrice, 30));

        List<Comparison.StepChange> steps = Comparison.steps(revision, live);

        assertThat(steps)
                .extracting(
                        Comparison.StepChange::position,
                        Comparison.StepChange::livePosition,
                        Comparison.StepChange::change,
                        Comparison.StepChange::moved)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 1, Change.UNCHANGED, false),
                        org.assertj.core.groups.Tuple.tuple(2, null, Change.NEW, false),
                        org.assertj.core.groups.Tuple.tuple(3, 2, Change.CHANGED, true),
                        org.assertj.core.groups.Tuple.tuple(null, 3, Change.REMOVED, false));
        assertThat(steps.get(2).live().dose()).isEqualTo(twice);
        assertThat(Comparison.steps(revision, List.of()))
                .extracting(Comparison.StepChange::change)
                .containsOnly(Change.NEW);
    }

    @Test
    void anExerciseInARoutineTwiceIsMatchedInOrder() {
        Map<String, Object> dose = Map.of("holdSeconds", 30);
        List<Step> live = List.of(new Step("e-1", "Knees to chest", dose, 60), new Step("e-2", "Cat-cow", dose, 30));
        List<Step> revision = List.of(
                new Step("e-1", "Knees to chest", dose, 60),
                new Step("e-2", "Cat-cow", dose, 30),
                new Step("e-1", "Knees to chest", dose, 60));

        assertThat(Comparison.steps(revision, live))
                .extracting(Comparison.StepChange::livePosition, Comparison.StepChange::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Change.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(2, Change.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(null, Change.NEW));
    }

    @Test
    void durationsAreInPlainWords() {
        assertThat(Comparison.duration(45)).isEqualTo("45 s");
        assertThat(Comparison.duration(120)).isEqualTo("2 min");
        assertThat(Comparison.duration(450)).isEqualTo("7 min 30 s");
    }

    @Test
    void everyCitationNeedsItsReferenceAndEveryReferenceACitation() {
        assertThat(Comparison.citations(List.of("Gas [1].", "Gently [1][2]."), Set.of(1, 2))
                        .passes())
                .isTrue();
        Comparison.CitationCheck check = Comparison.citations(List.of("Gas [1].", "See [3]."), Set.of(1, 2));
        assertThat(check.passes()).isFalse();
        assertThat(check.missingReferences()).containsExactly(3);
        assertThat(check.uncitedReferences()).containsExactly(2);
    }
}
