package com.healthcontent.readersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reader's pages as a browser gets them, built from the answers the platform gave for the demo content (the
 * model article "Is it good or bad to crack your back?", its exercises and a routine), with the API standing in.
 */
class ReaderPagesTest extends RecordedPlatformTest {

    static final String MODEL = "is-it-good-or-bad-to-crack-your-back";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void thePlatformAsItAnsweredForTheDemoContent() {
        API.reset();
        API.answerRecorded("GET /api/v1/pages/articles/" + MODEL, "article-page.json")
                .answerRecorded("GET /api/v1/articles/" + MODEL + "/structured-data", "structured-data.json");
    }

    Document page(String path, int status) throws Exception {
        MvcResult result = mvc.perform(get(path).accept("text/html")).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(status);
        return Jsoup.parse(result.getResponse().getContentAsString(), "https://www.example.org" + path);
    }

    @Test
    void theModelArticleShowsWhatItsReviewersApproved() throws Exception {
        JsonNode recorded =
                JSON.readTree(StandInApi.recorded("article-page.json")).get("article");
        Document page = page("/articles/" + MODEL, 200);

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text())
                .isEqualTo(recorded.get("title").asString());
        assertThat(page.selectFirst("p.summary").text())
                .isEqualTo(recorded.get("summary").asString());
        JsonNode reviewer = recorded.get("medicalReview").get("reviewers").get(0);
        assertThat(page.selectFirst(".review-line").text())
                .startsWith("Medically reviewed by " + reviewer.get("name").asString())
                .contains("last reviewed")
                .contains("next review due");
        assertThat(page.selectFirst(".disclaimer").text())
                .isEqualTo(recorded.get("disclaimer").asString());

        // citation [1] in the text leads to reference 1, which links to the paper
        Element citation = page.selectFirst("a.citation[href=#ref-1]");
        assertThat(citation).isNotNull();
        Element reference = page.getElementById("ref-1");
        assertThat(reference).isNotNull();
        JsonNode first = recorded.get("references").get(0);
        assertThat(reference.text()).contains(first.get("title").asString());
        if (first.hasNonNull("doi")) {
            assertThat(reference.select("a[href]").eachAttr("href"))
                    .contains("https://doi.org/" + first.get("doi").asString());
        }

        // each exercise of the text with its dose in plain words and a way into the guided session
        assertThat(page.select("aside.exercise-card")).isNotEmpty();
        Element card = page.selectFirst("aside.exercise-card");
        assertThat(card.selectFirst(".dose").text()).matches("(Hold for|Repeat) .+");
        assertThat(card.select("a.button").attr("href")).matches("/exercises/[a-z0-9-]+/session");

        // findable: canonical address, Open Graph, one MedicalWebPage with its reviewer
        assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("https://www.example.org/articles/" + MODEL);
        assertThat(page.selectFirst("meta[property=og:title]").attr("content"))
                .isEqualTo(recorded.get("title").asString());
        JsonNode structured = JSON.readTree(
                page.selectFirst("script[type=application/ld+json]").data());
        assertThat(structured.toString())
                .contains("MedicalWebPage")
                .contains(reviewer.get("name").asString());

        ordered(headingLevels(page));
        assertThat(page.selectFirst("section.feedback h2").text()).isEqualTo("Was this article helpful?");
        // read for this reader: the gateway counts its limits per reader, not for the site as a whole
        assertThat(API.received()).allMatch(request -> "127.0.0.1".equals(request.header("X-Forwarded-For")));
        // with the site's key, for the gateway to believe that address
        assertThat(API.received()).allMatch(request -> "key-of-the-site".equals(request.header("X-Reader-Site-Key")));
    }

    @Test
    void aPageThatDoesNotExistOrWasWithdrawnSaysSo() throws Exception {
        assertThat(page("/articles/no-such-page", 404).selectFirst("h1").text()).isEqualTo("Page not found");
        API.answer("GET /api/v1/pages/articles/withdrawn-page", 410, "{\"status\":410}");
        assertThat(page("/articles/withdrawn-page", 410).selectFirst("h1").text())
                .isEqualTo("This page was withdrawn");
    }

    @Test
    void whenThePlatformDoesNotAnswerTheReaderIsAskedToComeBack() throws Exception {
        API.answer("GET /api/v1/pages/articles/" + MODEL, 503, "{\"status\":503}");
        MvcResult result = mvc.perform(get("/articles/" + MODEL)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("7");
        assertThat(Jsoup.parse(result.getResponse().getContentAsString())
                        .selectFirst("h1")
                        .text())
                .isEqualTo("This page cannot be shown right now");
    }

    @Test
    void aReaderAnswersNoThenWhatWasWrongWithoutJavaScript() throws Exception {
        String articleId = JSON.readTree(StandInApi.recorded("article-page.json"))
                .get("article")
                .get("id")
                .asString();
        API.answer("POST /api/v1/feedback", 202, "{\"id\":\"f1\"}");

        MvcResult vote = mvc.perform(post("/feedback")
                        .contentType("application/x-www-form-urlencoded")
                        .header("User-Agent", "Reader's phone")
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.9");
                            return request;
                        })
                        .param("targetType", "ARTICLE")
                        .param("targetId", articleId)
                        .param("page", "/articles/" + MODEL)
                        .param("website", "")
                        .param("helpful", "false"))
                .andReturn();
        assertThat(vote.getResponse().getStatus()).isEqualTo(303);
        assertThat(vote.getResponse().getHeader("Location"))
                .isEqualTo("/articles/" + MODEL + "?feedback=details#feedback");
        StandInApi.Received sent = API.received().get(API.received().size() - 1);
        assertThat(JSON.readTree(sent.body()))
                .isEqualTo(JSON.readTree(
                        "{\"target\":{\"type\":\"ARTICLE\",\"id\":\"" + articleId + "\"},\"helpful\":false}"));
        assertThat(sent.header("X-Forwarded-For")).isEqualTo("203.0.113.9");
        assertThat(sent.header("X-Reader-Site-Key")).isEqualTo("key-of-the-site");
        assertThat(sent.header("User-Agent")).isEqualTo("Reader's phone");

        Document details = page("/articles/" + MODEL + "?feedback=details", 200);
        assertThat(details.selectFirst("section.feedback h2").text()).isEqualTo("What was wrong?");
        assertThat(details.select("form.feedback-details input[name=reason]").eachAttr("value"))
                .contains("OUTDATED");

        MvcResult reasons = mvc.perform(post("/feedback/details")
                        .contentType("application/x-www-form-urlencoded")
                        .param("targetType", "ARTICLE")
                        .param("targetId", articleId)
                        .param("page", "/articles/" + MODEL)
                        .param("reason", "OUTDATED")
                        .param("comment", "The 2019 guideline was replaced in 2024."))
                .andReturn();
        assertThat(reasons.getResponse().getStatus()).isEqualTo(303);
        assertThat(reasons.getResponse().getHeader("Location")).endsWith("?feedback=thanks#feedback");
        assertThat(JSON.readTree(API.received().get(API.received().size() - 1).body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"target\":{\"type\":\"ARTICLE\",\"id\":\"" + articleId
                                        + "\"},\"helpful\":false,\"reason\":\"OUTDATED\",\"comment\":\"The 2019 guideline was replaced in 2024.\"}"));
        assertThat(page("/articles/" + MODEL + "?feedback=thanks", 200).selectFirst(".feedback-thanks"))
                .isNotNull();
    }

    @Test
    void withJavaScriptTheNextStepComesBackAsTheFeedbackPanel() throws Exception {
        API.answer("POST /api/v1/feedback", 202, "{\"id\":\"f1\"}");
        MvcResult vote = mvc.perform(post("/feedback")
                        .header("X-Requested-With", "fetch")
                        .contentType("application/x-www-form-urlencoded")
                        .param("targetType", "ARTICLE")
                        .param("targetId", "a1")
                        .param("page", "/articles/" + MODEL)
                        .param("helpful", "true"))
                .andReturn();
        assertThat(vote.getResponse().getStatus()).isEqualTo(200);
        Document panel = Jsoup.parseBodyFragment(vote.getResponse().getContentAsString());
        assertThat(panel.selectFirst("section#feedback .feedback-thanks")).isNotNull();
    }

    @Test
    void anAnswerThatIsNotOneOfTheChoicesIsRefusedAndNothingIsSent() throws Exception {
        MvcResult vote = mvc.perform(post("/feedback")
                        .contentType("application/x-www-form-urlencoded")
                        .param("targetType", "ARTICLE")
                        .param("targetId", "a1")
                        .param("page", "https://elsewhere.example/phish")
                        .param("helpful", "false"))
                .andReturn();
        assertThat(vote.getResponse().getStatus()).isEqualTo(400);
        MvcResult details = mvc.perform(post("/feedback/details")
                        .contentType("application/x-www-form-urlencoded")
                        .param("targetType", "ARTICLE")
                        .param("targetId", "a1")
                        .param("page", "/articles/" + MODEL)
                        .param("reason", "BORING"))
                .andReturn();
        assertThat(details.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(details.getResponse().getContentAsString())
                        .selectFirst("[role=alert]")
                        .text())
                .isEqualTo("Choose one of the reasons listed.");
        assertThat(API.received()).noneMatch(request -> request.method().equals("POST"));
    }

    @Test
    void aCommentTheApiRefusesIsSaidInTheReadersWordsWithTheFormKept() throws Exception {
        API.answer("POST /api/v1/feedback", 400, """
                {"status":400,"title":"Invalid request","errors":[{"field":"comment",
                 "message":"must not contain HTML tags; write Markdown instead"}]}
                """);
        MvcResult details = mvc.perform(post("/feedback/details")
                        .contentType("application/x-www-form-urlencoded")
                        .param("targetType", "ARTICLE")
                        .param("targetId", "a1")
                        .param("page", "/articles/" + MODEL)
                        .param("reason", "UNCLEAR")
                        .param("comment", "Hold <b>30 s</b>"))
                .andReturn();
        assertThat(details.getResponse().getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(details.getResponse().getContentAsString());
        assertThat(page.selectFirst("[role=alert]").text())
                .isEqualTo("The comment could not be sent: it must not contain HTML tags; write Markdown instead.");
        assertThat(page.select("form.feedback-details")).hasSize(1);
        // what the reader chose and typed is there to correct, not to type again
        assertThat(page.select("input[name=reason][checked]").eachAttr("value")).containsExactly("UNCLEAR");
        assertThat(page.selectFirst("textarea[name=comment]").wholeText()).isEqualTo("Hold <b>30 s</b>");
    }

    private static List<Integer> headingLevels(Document page) {
        return page.select("h1, h2, h3, h4, h5, h6").stream()
                .map(heading -> Integer.parseInt(heading.tagName().substring(1)))
                .toList();
    }

    private static void ordered(List<Integer> levels) {
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i))
                    .as("heading %d after level %d", i, levels.get(i - 1))
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
    }
}
