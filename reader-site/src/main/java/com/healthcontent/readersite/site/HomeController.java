package com.healthcontent.readersite.site;

import com.healthcontent.readersite.ReaderSiteProperties;
import com.healthcontent.readersite.platform.PlatformUnavailable;
import com.healthcontent.readersite.platform.PublicApi;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the latest reviewed articles, those readers found most helpful and the routines to follow; and the
 * page kept for offline visits.
 */
@Controller
class HomeController {

    private final PublicApi api;
    private final ReaderSiteProperties site;

    HomeController(PublicApi api, ReaderSiteProperties site) {
        this.api = api;
        this.site = site;
    }

    record Listed(String slug, String title, String summary) {}

    record RoutineListed(String slug, String name, String goal) {}

    /** An article as the "most helpful" list ranks it, with the votes it was ranked by. */
    record Helpful(String slug, String title, long helpful, long notHelpful) {

        public long votes() {
            return helpful + notHelpful;
        }
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("canonical", site.absolute("/"));
        model.addAttribute(
                "latest", api.get(ArticlesPage.class, "/api/v1/articles?size=6").items());
        // votes and routines come from other services: without them the home page still shows the articles
        model.addAttribute(
                "mostHelpful",
                unlessDown(() -> api.get(HelpfulPage.class, "/api/v1/feedback/summary/most-helpful?type=ARTICLE&size=5")
                        .items()));
        model.addAttribute(
                "routines",
                unlessDown(() ->
                        api.get(RoutinesPage.class, "/api/v1/routines?size=6").items()));
        return "home";
    }

    /** What a visitor offline sees for a page they have not read before (the service worker keeps it). */
    @GetMapping("/offline")
    String offline() {
        return "offline";
    }

    private static <T> List<T> unlessDown(Supplier<List<T>> items) {
        try {
            return items.get();
        } catch (PlatformUnavailable down) {
            return List.of();
        }
    }

    record HelpfulPage(List<Helpful> items) {
        HelpfulPage {
            items = items == null ? List.of() : items;
        }
    }

    record ArticlesPage(List<Listed> items) {
        ArticlesPage {
            items = items == null ? List.of() : items;
        }
    }

    record RoutinesPage(List<RoutineListed> items) {
        RoutinesPage {
            items = items == null ? List.of() : items;
        }
    }
}
