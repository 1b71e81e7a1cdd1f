package com.healthcontent.readersite.articles;

import com.healthcontent.readersite.ReaderSiteProperties;
import com.healthcontent.readersite.feedback.FeedbackPanel;
import com.healthcontent.readersite.platform.PublicApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The article page as readers get it: one request to the gateway's composed page, one for its structured data. */
@Controller
class ArticleController {

    private final PublicApi api;
    private final ReaderSiteProperties site;

    ArticleController(PublicApi api, ReaderSiteProperties site) {
        this.api = api;
        this.site = site;
    }

    @GetMapping("/articles/{slug:[a-z0-9-]{1,120}}")
    String article(
            @PathVariable String slug,
            @RequestParam(name = "feedback", required = false) String feedback,
            Model model) {
        ArticlePage page = api.get(ArticlePage.class, "/api/v1/pages/articles/{slug}", slug);
        model.addAttribute("page", page);
        model.addAttribute("article", page.article());
        model.addAttribute("canonical", site.absolute("/articles/" + slug));
        model.addAttribute(
                "structuredData",
                StructuredData.safe(api.get(String.class, "/api/v1/articles/{slug}/structured-data", slug)));
        model.addAttribute(
                "feedback", FeedbackPanel.of("ARTICLE", page.article().id(), "/articles/" + slug, feedback, "article"));
        return "article";
    }
}
