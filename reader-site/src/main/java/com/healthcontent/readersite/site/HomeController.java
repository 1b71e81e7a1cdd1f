package com.healthcontent.readersite.site;

import com.healthcontent.readersite.ReaderSiteProperties;
import com.healthcontent.readersite.platform.PlatformUnavailable;
import com.healthcontent.readersite.platform.PublicApi;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the latest reviewed articles and the routines to follow; and the page kept for offline visits. */
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

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("canonical", site.absolute("/"));
        model.addAttribute(
                "latest", api.get(ArticlesPage.class, "/api/v1/articles?size=6").items());
        // the routines are a second service: without it the home page still shows the articles
        List<RoutineListed> routines;
        try {
            routines = api.get(RoutinesPage.class, "/api/v1/routines?size=6").items();
        } catch (PlatformUnavailable down) {
            routines = List.of();
        }
        model.addAttribute("routines", routines);
        return "home";
    }

    /** What a visitor offline sees for a page they have not read before (the service worker keeps it). */
    @GetMapping("/offline")
    String offline() {
        return "offline";
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
