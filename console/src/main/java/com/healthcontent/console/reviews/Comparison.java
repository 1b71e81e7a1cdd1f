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
 * is cited.
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
