package com.healthcontent.console.reviews;

import static com.healthcontent.console.Pages.followRedirect;
import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.reviews.ArticleReviewPageTest.SECTIONS;
import static com.healthcontent.console.reviews.ArticleReviewPageTest.TITLE;
import static com.healthcontent.console.reviews.ArticleReviewPageTest.draft;
import static com.healthcontent.console.signin.SignedIn.anaAuthor;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static com.healthcontent.console.signin.SignedIn.eliEditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.healthcontent.console.ConsolePageTest;
import com.healthcontent.console.Platform;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An article's published versions (who published each, who approved it and with which credentials, its digest), what
 * changed from one to the next, and restoring an old version as the working copy.
 */
@ConsolePageTest
class ArticleHistoryPageTest {

    static final String DIGEST_2 = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static final String REVISIONS = """
            [{"number": 2, "publishedAt": "2026-12-10T09:00:00Z", "publishedBy": "eli.editor",
              "approvals": [
                {"reviewer": "dr.rao", "name": "Dr. Priya Rao", "credentials": "M.D.",
                 "reviewedAt": "2026-12-09T15:00:00Z", "notes": "Clearer on <b>when</b> to see a doctor."},
                {"reviewer": "dr.kim", "name": "Dr. Min Kim", "credentials": "D.P.T.",
                 "reviewedAt": "2026-12-09T16:30:00Z", "notes": null}],
              "digest": "%s"},
             {"number": 1, "publishedAt": "2026-11-02T08:00:00Z", "publishedBy": "eli.editor",
              "approvals": [
                {"reviewer": "dr.rao", "name": "Dr. Priya Rao", "credentials": "M.D.",
                 "reviewedAt": "2026-11-01T12:00:00Z", "notes": "Sources check out."}],
              "digest": "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}]
            """.formatted(DIGEST_2);

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void theArticlePageLinksToItsHistory() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("IN_REVIEW", null, SECTIONS));

        Document article = page(mvc.perform(get("/articles/a-1").with(drRao())).andExpect(status().isOk()));

        assertThat(article.select("article a:containsOwn(History)").attr("href"))
                .isEqualTo("/articles/a-1/history");
    }

    @Test
    void theHistoryListsThePublishedVersionsNewestFirstWithTheirApprovals() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("PUBLISHED", 2, SECTIONS));
        platform.answers("/api/v1/articles/a-1/revisions", REVISIONS);

        Document history =
                page(mvc.perform(get("/articles/a-1/history").with(drRao())).andExpect(status().isOk()));

        assertThat(history.title()).isEqualTo("History of " + TITLE + " · Reviewer console");
        assertThat(history.select("h1").text()).isEqualTo("History of “" + TITLE + "”");
        assertThat(history.select("section.version h2").eachText()).containsExactly("Version 2", "Version 1");

        Element latest = history.selectFirst("section.version");
        assertThat(latest.attr("aria-labelledby")).isEqualTo("version-2-heading");
        assertThat(latest.select("p.meta").text())
                .isEqualTo("Published 2026-12-10T09:00:00Z by eli.editor · digest sha256:9f86d081884c…");
        assertThat(latest.select("code.digest").attr("title")).isEqualTo(DIGEST_2);
        assertThat(latest.select("ul.approvals > li").eachText())
                .containsExactly(
                        "Dr. Priya Rao, M.D. · 2026-12-09T15:00:00Z Clearer on <b>when</b> to see a doctor.",
                        "Dr. Min Kim, D.P.T. · 2026-12-09T16:30:00Z");
        assertThat(latest.select("ul.approvals b"))
                .as("the reviewer's notes are text, not markup")
                .isEmpty();
        assertThat(latest.select("a:containsOwn(Compare with the previous)").attr("href"))
                .isEqualTo("/articles/a-1/history/diff?from=1&to=2");

        Element first = history.select("section.version").last();
        assertThat(first.select("ul.approvals > li").eachText())
                .containsExactly("Dr. Priya Rao, M.D. · 2026-11-01T12:00:00Z Sources check out.");
        assertThat(first.select("a:containsOwn(Compare with the previous)"))
                .as("nothing was published before the first version")
                .isEmpty();

        assertThat(history.select("form button:containsOwn(Restore as working copy)"))
                .as("a reviewer does not restore")
                .isEmpty();
    }

    @Test
    void editorsAndAuthorsAreOfferedToRestoreEachVersion() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("PUBLISHED", 2, SECTIONS));
        platform.answers("/api/v1/articles/a-1/revisions", REVISIONS);
        platform.answers("/api/v1/articles/drafts/a-1", draft("PUBLISHED", 2, SECTIONS));
        platform.answers("/api/v1/articles/a-1/revisions", REVISIONS);

        for (RequestPostProcessor who : List.of(eliEditor(), anaAuthor())) {
            Document history =
                    page(mvc.perform(get("/articles/a-1/history").with(who)).andExpect(status().isOk()));

            assertThat(history.select("section.version form").eachAttr("action"))
                    .containsExactly("/articles/a-1/history/2/restoration", "/articles/a-1/history/1/restoration");
            Element restore = history.select("section.version form").last();
            assertThat(restore.attr("method")).isEqualTo("post");
            assertThat(restore.select("button[type=submit]").text()).isEqualTo("Restore as working copy");
            assertThat(restore.select("button").attr("aria-describedby")).isEqualTo("version-1-heading");
        }
    }

    @Test
    void theComparisonShowsEachChangeBeforeAndAfter() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("PUBLISHED", 2, SECTIONS));
        platform.answers("/api/v1/articles/a-1/revisions/diff?from=1&to=2", """
                {"from": 1, "to": 2, "changes": [
                  {"path": "sections[0].body", "before": "Gas bubbles in the joint.",
                   "after": "Gas bubbles in the joint fluid [1] <script>alert(1)</script>"},
                  {"path": "references[1]", "after": {"number": 2, "pubmedId": "25902522"}},
                  {"path": "sections[2]", "before": {"type": "TEXT", "heading": "Old advice"}},
                  {"path": "readingMinutes", "before": 4, "after": 5}]}
                """);

        Document diff = page(mvc.perform(get("/articles/a-1/history/diff")
                        .param("from", "1")
                        .param("to", "2")
                        .with(drRao()))
                .andExpect(status().isOk()));

        assertThat(diff.select("h1").text()).isEqualTo("From version 1 to version 2");
        assertThat(diff.select("a:containsOwn(Back to the history)").attr("href"))
                .isEqualTo("/articles/a-1/history");
        assertThat(diff.select(".section-change h3").eachText())
                .containsExactly(
                        "sections[0].body changed",
                        "references[1] added",
                        "sections[2] removed",
                        "readingMinutes changed");

        Element body = diff.selectFirst(".section-change.changed");
        assertThat(body.select("code.path").text()).isEqualTo("sections[0].body");
        assertThat(body.select(".before h4").text()).isEqualTo("Version 1");
        assertThat(body.select(".before .value").text()).isEqualTo("Gas bubbles in the joint.");
        assertThat(body.select(".after h4").text()).isEqualTo("Version 2");
        assertThat(body.select(".after .value").text())
                .isEqualTo("Gas bubbles in the joint fluid [1] <script>alert(1)</script>");
        assertThat(diff.select("main script"))
                .as("values are text, never markup")
                .isEmpty();

        Element added = diff.selectFirst(".section-change.new");
        assertThat(added.select(".before .value")).isEmpty();
        assertThat(added.select(".after .value").text()).contains("\"pubmedId\"", "\"25902522\"");
        Element removed = diff.selectFirst(".section-change.removed");
        assertThat(removed.select(".after .value")).isEmpty();
        assertThat(removed.select(".before .value").text()).contains("\"heading\"", "\"Old advice\"");
        assertThat(diff.select(".section-change").last().select(".value").eachText())
                .containsExactly("4", "5");
    }

    @Test
    void restoringPostsToThePlatformAndTheArticlePageSaysSo() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/revisions/1/restoration")
                .andRespond(withSuccess(draft("DRAFT", 2, SECTIONS), MediaType.APPLICATION_JSON));
        platform.answers("/api/v1/articles/drafts/a-1", draft("DRAFT", 2, SECTIONS));
        platform.answers("/api/v1/articles/is-it-good-or-bad-to-crack-your-back", """
                {"id": "a-1", "slug": "is-it-good-or-bad-to-crack-your-back", "title": "%s",
                 "summary": "Usually harmless [1].", "sections": %s, "revision": 2}
                """.formatted(TITLE, SECTIONS));

        ResultActions restored = mvc.perform(post("/articles/a-1/history/1/restoration")
                        .with(eliEditor())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/articles/a-1"))
                .andExpect(flash().attribute(
                                "done",
                                "Version 1 of “" + TITLE + "” is now the working copy; it goes through review again."));

        Document article =
                page(mvc.perform(followRedirect(restored).with(eliEditor())).andExpect(status().isOk()));
        assertThat(article.select(".notice.done[role=status]").text())
                .isEqualTo("Version 1 of “" + TITLE + "” is now the working copy; it goes through review again.");
        assertThat(article.select("article .status").text()).isEqualTo("DRAFT");
    }

    @Test
    void aRestorationThePlatformRefusesIsExplainedOnTheHistory() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/revisions/1/restoration")
                .andRespond(problem(HttpStatus.CONFLICT, "The article is IN_REVIEW: finish that review first."));
        platform.answers("/api/v1/articles/drafts/a-1", draft("IN_REVIEW", 2, SECTIONS));
        platform.answers("/api/v1/articles/a-1/revisions", REVISIONS);

        ResultActions refused = mvc.perform(post("/articles/a-1/history/1/restoration")
                        .with(anaAuthor())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/articles/a-1/history"));

        Document history =
                page(mvc.perform(followRedirect(refused).with(anaAuthor())).andExpect(status().isOk()));
        assertThat(history.select(".notice.refused[role=alert]").text())
                .isEqualTo("The article is IN_REVIEW: finish that review first.");
        assertThat(history.select(".notice.done")).isEmpty();
    }
}
