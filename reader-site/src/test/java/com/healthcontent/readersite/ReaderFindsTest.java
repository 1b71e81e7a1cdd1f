package com.healthcontent.readersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** How readers find and follow content: home, search with facets, routines and their guided session, the sitemap. */
class ReaderFindsTest extends RecordedPlatformTest {

    static final String MOST_HELPFUL = "GET /api/v1/feedback/summary/most-helpful?type=ARTICLE&size=5";

    @BeforeEach
    void reset() {
        API.reset();
    }

    MvcResult get200(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result;
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(get200(path).getResponse().getContentAsString(), "https://www.example.org" + path);
    }

    @Test
    void theHomePageListsTheLatestArticlesTheMostHelpfulAndTheRoutines() throws Exception {
        API.answerRecorded("GET /api/v1/articles?size=6", "articles.json")
                .answerRecorded("GET /api/v1/routines?size=6", "routines.json")
                .answer(MOST_HELPFUL, 200, """
                        {"type":"ARTICLE","items":[
                          {"id":"1","slug":"crack-your-back","title":"Is It Good or Bad to Crack Your Back?",
                           "helpful":40,"notHelpful":2},
                          {"id":"2","slug":"wry-neck","title":"Wry Neck Explained","helpful":9,"notHelpful":1}]}""");
        Document home = page("/");
        assertThat(home.select("h1")).hasSize(1);
        assertThat(home.select("#latest-title + ul a.card-link")).hasSize(6);
        assertThat(home.select("#helpful-title + ol a.card-link").eachAttr("href"))
                .containsExactly("/articles/crack-your-back", "/articles/wry-neck");
        assertThat(home.selectFirst("#helpful-title + ol a.card-link").text())
                .isEqualTo("Is It Good or Bad to Crack Your Back? 40 of 42 readers found it helpful");
        assertThat(home.select("#routines-title + ul a.card-link").eachAttr("href"))
                .allMatch(href -> href.startsWith("/routines/"));
        assertThat(get200("/").getResponse().getHeader("Cache-Control")).contains("no-cache");
    }

    @Test
    void theHomePageShowsTheArticlesWhileVotesAndRoutinesAreNotAnswering() throws Exception {
        API.answerRecorded("GET /api/v1/articles?size=6", "articles.json")
                .answer(MOST_HELPFUL, 503, "{\"status\":503}")
                .answer("GET /api/v1/routines?size=6", 503, "{\"status\":503}");
        Document home = page("/");
        assertThat(home.select("#latest-title + ul a.card-link")).hasSize(6);
        assertThat(home.select("#helpful-title")).isEmpty();
        assertThat(home.select("#routines-title")).isEmpty();
    }

    @Test
    void searchShowsCorrectedWordsMarkedPassagesAndFacetsAsLinks() throws Exception {
        API.answerRecorded("GET /api/v1/search?q=craking%20my%20back&size=10", "search.json");
        Document results = page("/search?q=craking my back");
        assertThat(results.selectFirst(".corrected a").text()).isEqualTo("cracking my back");
        assertThat(results.select("ol.results li.result")).isNotEmpty();
        Element first = results.selectFirst("ol.results li.result h2 a");
        assertThat(first.attr("href")).matches("/(articles|exercises|routines)/[a-z0-9-]+");
        assertThat(results.select("p.highlight mark")).isNotEmpty();
        // a facet value narrows the search by adding itself to the address
        Element facet = results.selectFirst("a.facet-value");
        assertThat(facet.attr("href")).startsWith("/search?q=craking%20my%20back&");
    }

    @Test
    void aSearchTheApiRefusesSaysWhichPartToChange() throws Exception {
        API.answer("GET /api/v1/search?q=neck&tag=nope&size=10", 400, """
                {"status":400,"errors":[{"field":"tag","message":"is not a topic of any published page"}]}""");
        MvcResult refused = mvc.perform(get("/search?q=neck&tag=nope")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).text())
                .contains("That search could not be run: the topic is not a topic of any published page. Try it "
                        + "without that filter.");
    }

    @Test
    void aHighlightThatIsNotJustMarkedTextIsNotShownAsHtml() throws Exception {
        API.answer("GET /api/v1/search?q=pop&size=10", 200, """
                {"query":"pop","total":1,"page":{"number":0,"size":10},"facets":{},"items":[{"type":"article","slug":"a",
                 "title":"A","summary":"Plain summary","highlights":["<img src=x onerror=alert(1)> <mark>pop</mark>",
                 "<<mark>mark>img src=x onerror=alert(2)>", "&am&amp;p;lt;"]}]}
                """);
        Document results = page("/search?q=pop");
        assertThat(results.select("img")).allMatch(img -> !img.attr("src").equals("x"));
        assertThat(results.selectFirst("li.result").text()).contains("Plain summary");
    }

    @Test
    void aLongHighlightWithEscapesIsShownWithItsMarks() throws Exception {
        String passage = "go to an emergency department (A&amp;<mark>E</mark>) &quot;straight away&quot; ".repeat(300);
        API.answer("GET /api/v1/search?q=e&size=10", 200, """
                {"query":"e","total":1,"page":{"number":0,"size":10},"facets":{},"items":[{"type":"article","slug":"a",
                 "title":"A","summary":"Plain summary","highlights":["%s"]}]}
                """.formatted(passage));
        Document results = page("/search?q=e");
        assertThat(results.select("p.highlight mark")).hasSize(300);
        assertThat(results.selectFirst("p.highlight").text()).startsWith("go to an emergency department (A&E)");
    }

    @Test
    void aRoutineLeadsToAGuidedSessionWithATimedStepForEachSegment() throws Exception {
        API.answerRecorded("GET /api/v1/routines/gentle-moves-for-lower-back-pain", "routine.json")
                .answerRecorded(
                        "GET /api/v1/routines/gentle-moves-for-lower-back-pain/session", "routine-session.json");
        Document routine = page("/routines/gentle-moves-for-lower-back-pain");
        assertThat(routine.select("ol.routine-steps li")).isNotEmpty();
        assertThat(routine.select("ol.routine-steps .dose").first().text()).contains("times");
        Document session = page("/routines/gentle-moves-for-lower-back-pain/session");
        assertThat(session.select("li.session-step")).isNotEmpty();
        assertThat(session.select("li.session-step").eachAttr("data-seconds"))
                .allMatch(seconds -> seconds.matches("\\d+"));
        assertThat(session.select("script[src=/js/session.js]")).hasSize(1);
    }

    @Test
    void searchEnginesGetEveryPublishedPageAndTheRules() throws Exception {
        API.answer(
                        "GET /api/v1/articles?page=0&size=100",
                        200,
                        "{\"items\":[{\"slug\":\"frozen-shoulder\",\"lastModifiedAt\":\"2026-11-30T10:15:00Z\"}],"
                                + "\"page\":{\"totalPages\":2}}")
                .answer(
                        "GET /api/v1/articles?page=1&size=100",
                        200,
                        "{\"items\":[{\"slug\":\"sciatica\",\"publishedAt\":\"2026-10-01T08:00:00Z\"}],"
                                + "\"page\":{\"totalPages\":2}}")
                .answer(
                        "GET /api/v1/exercises?page=0&size=100",
                        200,
                        "{\"items\":[{\"slug\":\"bird-dog\"}],\"page\":{\"totalPages\":1}}")
                .answer("GET /api/v1/routines?page=0&size=100", 200, "{\"items\":[],\"page\":{\"totalPages\":0}}");
        String sitemap = get200("/sitemap.xml").getResponse().getContentAsString();
        assertThat(sitemap)
                .contains("<loc>https://www.example.org/</loc>")
                .contains("<loc>https://www.example.org/exercises/bird-dog</loc>")
                .contains("<loc>https://www.example.org/articles/frozen-shoulder</loc><lastmod>2026-11-30</lastmod>")
                .contains("<loc>https://www.example.org/articles/sciatica</loc><lastmod>2026-10-01</lastmod>");
        assertThat(get200("/robots.txt").getResponse().getContentAsString())
                .contains("Sitemap: https://www.example.org/sitemap.xml")
                .contains("Disallow: /feedback");
    }
}
