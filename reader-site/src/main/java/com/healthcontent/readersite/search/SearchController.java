package com.healthcontent.readersite.search;

import com.healthcontent.readersite.ReaderSiteProperties;
import com.healthcontent.readersite.platform.PublicApi;
import com.healthcontent.readersite.platform.RequestRefused;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search as readers use it: their words, results with the matched words marked, and facets to narrow them (each a
 * link, so it works without script). The search API does the work; a bad query is said on the page, not as an error.
 */
@Controller
class SearchController {

    /** What the page passes on to the search API; anything else in the address is ignored. */
    static final Set<String> PARAMETERS =
            Set.of("q", "page", "type", "tag", "category", "audience", "bodyRegion", "position", "difficulty");

    static final int PAGE_SIZE = 10;

    /** The filters as the page names them to readers. */
    static final Map<String, String> FILTER_NAMES = Map.of(
            "page", "the page number",
            "type", "the kind of page",
            "tag", "the topic",
            "category", "the category",
            "audience", "the audience",
            "bodyRegion", "the body region",
            "position", "the position",
            "difficulty", "the difficulty");

    private final PublicApi api;
    private final ReaderSiteProperties site;

    SearchController(PublicApi api, ReaderSiteProperties site) {
        this.api = api;
        this.site = site;
    }

    @GetMapping("/search")
    String search(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response, Model model) {
        MultiValueMap<String, String> asked = new LinkedMultiValueMap<>();
        parameters.forEach((name, values) -> {
            if (PARAMETERS.contains(name)) {
                asked.put(
                        name, values.stream().filter(value -> !value.isBlank()).toList());
            }
        });
        asked.values().removeIf(List::isEmpty);
        model.addAttribute("canonical", site.absolute("/search"));
        String words = asked.getFirst("q");
        model.addAttribute("q", words == null ? "" : words);
        if (words == null || words.isBlank()) {
            return "search";
        }
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>(asked);
        query.set("size", String.valueOf(PAGE_SIZE));
        try {
            model.addAttribute(
                    "results", new SearchPage(api.get(SearchPage.Results.class, "/api/v1/search", query), asked));
        } catch (RequestRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refused", whatToChange(refused));
        }
        return "search";
    }

    /** What the search API said was wrong, in the reader's terms: their words, or one of the filters. */
    static String whatToChange(RequestRefused refused) {
        if (refused.field() == null || refused.reason() == null) {
            return "That search could not be run: use words, at most 200 characters.";
        }
        if (refused.field().equals("q")) {
            return "That search could not be run: the words " + refused.reason() + ".";
        }
        String filter = FILTER_NAMES.getOrDefault(refused.field(), "a filter (" + refused.field() + ")");
        return "That search could not be run: " + filter + " " + refused.reason() + ". Try it without that filter.";
    }
}
