package com.healthcontent.console.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.console.reviews.Comparison.Change;
import com.healthcontent.console.reviews.Comparison.Section;
import java.util.List;
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
