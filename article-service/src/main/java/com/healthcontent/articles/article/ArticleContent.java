package com.healthcontent.articles.article;

import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an article says: the part authors edit. A draft may be incomplete; {@link #citationProblems()} lists
 * what must be fixed before it can be submitted or published.
 */
public record ArticleContent(
        String title,
        String summary,
        String language,
        List<String> categories,
        List<String> tags,
        Audience audience,
        String authorName,
        String authorCredentials,
        List<Section> sections,
        List<Reference> references,
        List<String> related) {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");

    public ArticleContent {
        language = language == null ? "en" : language;
        categories = categories == null ? List.of() : List.copyOf(categories);
        tags = tags == null
                ? List.of()
                : tags.stream()
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        audience = audience == null ? Audience.PATIENT : audience;
        sections = sections == null ? List.of() : List.copyOf(sections);
        references = references == null ? List.of() : List.copyOf(references);
        related = related == null ? List.of() : List.copyOf(new LinkedHashSet<>(related));
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            if (!numbers.add(references.get(i).number())) {
                throw new InvalidInputException(
                        "references[" + i + "].number",
                        "number " + references.get(i).number() + " is used twice");
            }
        }
    }

    /** Every citation marker must resolve to a reference and every reference must be cited. */
    public List<FieldViolation> citationProblems() {
        List<FieldViolation> problems = new ArrayList<>();
        Set<Integer> referenced = new TreeSet<>();
        references.forEach(reference -> referenced.add(reference.number()));
        Set<Integer> cited = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (section.body() == null) {
                continue;
            }
            Matcher marker = CITATION.matcher(section.body());
            while (marker.find()) {
                int number = Integer.parseInt(marker.group(1));
                cited.add(number);
                if (!referenced.contains(number)) {
                    problems.add(new FieldViolation(
                            "sections[" + i + "].body", "citation [" + number + "] has no reference"));
                }
            }
        }
        for (int i = 0; i < references.size(); i++) {
            if (!cited.contains(references.get(i).number())) {
                problems.add(new FieldViolation(
                        "references[" + i + "]",
                        "reference [" + references.get(i).number() + "] is never cited"));
            }
        }
        if (sections.isEmpty()) {
            problems.add(new FieldViolation("sections", "an article needs at least one section"));
        }
        return problems;
    }

    ArticleContent withLegacyEscapingUndone() {
        return new ArticleContent(
                title,
                summary,
                language,
                categories,
                tags,
                audience,
                authorName,
                authorCredentials,
                sections.stream()
                        .map(section -> section.body() == null
                                ? section
                                : new Section(
                                        section.type(),
                                        section.heading(),
                                        LegacyEscaping.undo(section.body()),
                                        section.exerciseId()))
                        .toList(),
                references,
                related);
    }

    public List<String> exerciseIds() {
        return sections.stream()
                .filter(s -> s.type() == SectionType.EXERCISE)
                .map(Section::exerciseId)
                .distinct()
                .toList();
    }
}
