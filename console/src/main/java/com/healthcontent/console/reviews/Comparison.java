package com.healthcontent.console.reviews;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reviewer needs to see before approving: the revision beside the live version, section by section (matched
 * by heading, the way readers find them), and whether every citation marker has its reference and every reference
 * is cited; for a routine, its exercises step by step (matched by exercise, so a step that moved is the same step).
 */
public final class Comparison {

    public enum Change {
        NEW,
        CHANGED,
        UNCHANGED,
        REMOVED
    }

    public record Section(String heading, String body) {}

    public record SectionChange(String heading, String revision, String live, Change change) {}

    /** One step of a routine: which exercise, its name, the dose that applies here, and how long it takes at most. */
    public record Step(String exerciseId, String name, Object dose, int durationSeconds) {

        /** The time in plain words ("2 min 30 s"). */
        public String duration() {
            return Comparison.duration(durationSeconds);
        }
    }

    /**
     * A step of the revision against the same exercise in the live version: its place in each (null where it is
     * not), and whether it is new, has another dose, is as it was, or was taken out.
     */
    public record StepChange(Integer position, Integer livePosition, Step revision, Step live, Change change) {

        /** The step is in both versions but at another place in the order. */
        public boolean moved() {
            return position != null && livePosition != null && !position.equals(livePosition);
        }
    }

    public record CitationCheck(Set<Integer> missingReferences, Set<Integer> uncitedReferences) {

        public boolean passes() {
            return missingReferences.isEmpty() && uncitedReferences.isEmpty();
        }
    }

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");

    private Comparison() {}

    /** Each section of the revision against the live section of the same heading; live sections gone at the end. */
    static List<SectionChange> sections(List<Section> revision, List<Section> live) {
        Map<String, Section> liveByHeading = new LinkedHashMap<>();
        live.forEach(section -> liveByHeading.putIfAbsent(key(section), section));
        List<SectionChange> changes = new ArrayList<>();
        for (Section section : revision) {
            Section before = liveByHeading.remove(key(section));
            Change change = live.isEmpty() || before == null
                    ? Change.NEW
                    : Objects.equals(before.body(), section.body()) ? Change.UNCHANGED : Change.CHANGED;
            changes.add(new SectionChange(
                    section.heading(), section.body(), before == null ? null : before.body(), change));
        }
        liveByHeading
                .values()
                .forEach(gone -> changes.add(new SectionChange(gone.heading(), null, gone.body(), Change.REMOVED)));
        return changes;
    }

    /**
     * Each step of the revision, in order, against the live step of the same exercise (an exercise in a routine
     * twice is matched in order); live steps taken out at the end. A step whose dose differs is CHANGED.
     */
    static List<StepChange> steps(List<Step> revision, List<Step> live) {
        List<Integer> unmatched = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            unmatched.add(i);
        }
        List<StepChange> changes = new ArrayList<>();
        for (int i = 0; i < revision.size(); i++) {
            Step step = revision.get(i);
            Integer match = unmatched.stream()
                    .filter(index -> Objects.equals(live.get(index).exerciseId(), step.exerciseId()))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                changes.add(new StepChange(i + 1, null, step, null, Change.NEW));
                continue;
            }
            unmatched.remove(match);
            Step before = live.get(match);
            Change change = Objects.equals(before.dose(), step.dose()) ? Change.UNCHANGED : Change.CHANGED;
            changes.add(new StepChange(i + 1, match + 1, step, before, change));
        }
        unmatched.forEach(index -> changes.add(new StepChange(null, index + 1, null, live.get(index), Change.REMOVED)));
        return changes;
    }

    /** A time in seconds in plain words: "45 s", "2 min", "7 min 30 s". */
    static String duration(int seconds) {
        int minutes = seconds / 60;
        int rest = seconds % 60;
        if (minutes == 0) {
            return rest + " s";
        }
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }

    static CitationCheck citations(List<String> texts, Set<Integer> referenceNumbers) {
        Set<Integer> cited = new TreeSet<>();
        for (String text : texts) {
            Matcher marker = CITATION.matcher(text == null ? "" : text);
            while (marker.find()) {
                cited.add(Integer.parseInt(marker.group(1)));
            }
        }
        Set<Integer> missing = new TreeSet<>(cited);
        missing.removeAll(referenceNumbers);
        Set<Integer> uncited = new TreeSet<>(referenceNumbers);
        uncited.removeAll(cited);
        return new CitationCheck(missing, uncited);
    }

    private static String key(Section section) {
        return section.heading() == null ? "" : section.heading().strip().toLowerCase();
    }
}
