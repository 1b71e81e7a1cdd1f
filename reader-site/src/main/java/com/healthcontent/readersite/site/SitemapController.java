package com.healthcontent.readersite.site;

import com.healthcontent.readersite.ReaderSiteProperties;
import com.healthcontent.readersite.platform.PublicApi;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** What search engines read first: every published page in {@code /sitemap.xml}, and {@code /robots.txt}. */
@RestController
class SitemapController {

    /** Pages of 100; a sitemap holds at most 50,000 addresses, far more than the site has. */
    private static final int PAGE = 100;

    private static final int MAX_PAGES = 100;

    private final PublicApi api;
    private final ReaderSiteProperties site;

    SitemapController(PublicApi api, ReaderSiteProperties site) {
        this.api = api;
        this.site = site;
    }

    record Item(String slug, Instant lastModifiedAt, Instant lastPublishedAt, Instant publishedAt) {

        Instant changed() {
            return lastModifiedAt != null ? lastModifiedAt : lastPublishedAt != null ? lastPublishedAt : publishedAt;
        }
    }

    record PageInfo(int totalPages) {}

    record Listing(List<Item> items, PageInfo page) {
        Listing {
            items = items == null ? List.of() : items;
        }
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, "/", null);
        for (String kind : List.of("articles", "exercises", "routines")) {
            for (Item item : all(kind)) {
                url(xml, "/" + kind + "/" + item.slug(), item.changed());
            }
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(xml.toString());
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> robots() {
        String rules = String.join(
                "\n",
                "User-agent: *",
                "Allow: /",
                "Disallow: /feedback",
                "Disallow: /api/",
                "Disallow: /console/",
                "Sitemap: " + site.absolute("/sitemap.xml"),
                "");
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .body(rules);
    }

    private List<Item> all(String kind) {
        List<Item> items = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Listing listing = api.get(Listing.class, "/api/v1/" + kind + "?page={page}&size={size}", page, PAGE);
            items.addAll(listing.items());
            if (listing.page() == null || page + 1 >= listing.page().totalPages()) {
                break;
            }
        }
        return items;
    }

    private void url(StringBuilder xml, String path, Instant changed) {
        xml.append("  <url><loc>")
                .append(HtmlUtils.htmlEscape(site.absolute(path)))
                .append("</loc>");
        if (changed != null) {
            xml.append("<lastmod>")
                    .append(changed.atOffset(ZoneOffset.UTC).toLocalDate())
                    .append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}
