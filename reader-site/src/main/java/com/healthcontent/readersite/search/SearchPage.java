package com.healthcontent.readersite.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of results as the search page shows it: each hit with its address and its marked passages, each facet
 * value as a link that adds or removes it, and the links to the pages before and after.
 */
public record SearchPage(Results results, MultiValueMap<String, String> asked) {

    /** Facets shown, in this order, with the name a reader reads. */
    private static final Map<String, String> FACETS = facetNames();

    /**
     * Highlights come from the search API with the words in {@code <mark>} and the rest escaped. They are shown as
     * HTML only when they are exactly that; anything else is shown as text.
     */
    private static final Pattern MARK = Pattern.compile("</?mark>");

    private static final Pattern ESCAPED = Pattern.compile("&(?:amp|lt|gt|quot|#39|#x27);");

    public record Results(
            String query,
            String correctedQuery,
            long total,
            PageRef page,
            List<Hit> items,
            Map<String, List<FacetCount>> facets,
            List<String> unavailable) {

        public Results {
            items = items == null ? List.of() : items;
            facets = facets == null ? Map.of() : facets;
            unavailable = unavailable == null ? List.of() : unavailable;
        }
    }

    /** Which page of results this is, and how many a page holds. */
    public record PageRef(int number, int size) {}

    public record Hit(String type, String slug, String title, String summary, List<String> highlights) {

        public String href() {
            return "/" + type + "s/" + slug;
        }

        public String typeInWords() {
            return type == null ? "" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        }

        /** Passages safe to show as HTML (only {@code <mark>} in them); those that are not are dropped. */
        public List<String> markedPassages() {
            return highlights == null
                    ? List.of()
                    : highlights.stream().filter(Hit::onlyMarked).toList();
        }

        /**
         * Whether nothing but {@code <mark>} tags and escapes is markup: once those are taken out, no {@code <},
         * {@code >} or {@code &} is left. (One regular expression of the allowed pieces, repeated, recursed once per
         * character in Java and overflowed the stack on a long passage: the search page answered 500.)
         */
        private static boolean onlyMarked(String passage) {
            String rest = ESCAPED.matcher(MARK.matcher(passage).replaceAll("")).replaceAll("");
            return rest.indexOf('<') < 0 && rest.indexOf('>') < 0 && rest.indexOf('&') < 0;
        }
    }

    public record FacetCount(String value, long count) {}

    public record FacetLink(String label, long count, boolean chosen, String href) {}

    public record Facet(String name, List<FacetLink> values) {}

    public List<Facet> facets() {
        List<Facet> shown = new ArrayList<>();
        FACETS.forEach((parameter, name) -> {
            List<FacetCount> counts = results.facets().get(parameter);
            if (counts == null || counts.isEmpty()) {
                return;
            }
            List<String> chosen = asked.getOrDefault(parameter, List.of());
            List<FacetLink> links = new ArrayList<>();
            for (FacetCount count : counts) {
                boolean on = chosen.contains(count.value());
                MultiValueMap<String, String> next = new LinkedMultiValueMap<>(asked);
                next.remove("page");
                List<String> values = new ArrayList<>(chosen);
                if (on) {
                    values.remove(count.value());
                } else {
                    values.add(count.value());
                }
                if (values.isEmpty()) {
                    next.remove(parameter);
                } else {
                    next.put(parameter, values);
                }
                links.add(new FacetLink(words(count.value()), count.count(), on, href(next)));
            }
            shown.add(new Facet(name, links));
        });
        return shown;
    }

    public String previous() {
        return results.page().number() > 0 ? pageHref(results.page().number() - 1) : null;
    }

    public String next() {
        long shownSoFar = (long) (results.page().number() + 1) * results.page().size();
        return shownSoFar < results.total() && shownSoFar < 500
                ? pageHref(results.page().number() + 1)
                : null;
    }

    public String correctedHref() {
        if (results.correctedQuery() == null) {
            return null;
        }
        MultiValueMap<String, String> corrected = new LinkedMultiValueMap<>(asked);
        corrected.set("q", results.correctedQuery());
        corrected.remove("page");
        return href(corrected);
    }

    private String pageHref(int page) {
        MultiValueMap<String, String> next = new LinkedMultiValueMap<>(asked);
        next.set("page", String.valueOf(page));
        return href(next);
    }

    private static String href(MultiValueMap<String, String> parameters) {
        // values as URI variables: encoded strictly, so a reader's "&" or "+" stays part of their words
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/search");
        List<Object> values = new ArrayList<>();
        parameters.forEach((name, named) -> named.forEach(value -> {
            builder.queryParam(name, "{v" + values.size() + "}");
            values.add(value);
        }));
        return builder.encode().buildAndExpand(values.toArray()).toUriString();
    }

    /** "LOWER_BACK" as a reader reads it: "Lower back"; tags stay as written. */
    static String words(String value) {
        if (!value.equals(value.toUpperCase(Locale.ROOT))) {
            return value;
        }
        String lower = value.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static Map<String, String> facetNames() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("type", "Type");
        facets.put("bodyRegion", "Body region");
        facets.put("position", "Position");
        facets.put("difficulty", "Difficulty");
        facets.put("tag", "Topic");
        facets.put("audience", "Written for");
        return facets;
    }
}
