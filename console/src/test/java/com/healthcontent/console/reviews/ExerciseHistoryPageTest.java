package com.healthcontent.console.reviews;

import static com.healthcontent.console.Pages.followRedirect;
import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.reviews.ArticleHistoryPageTest.REVISIONS;
import static com.healthcontent.console.reviews.ExerciseReviewPageTest.LIVE_STEPS;
import static com.healthcontent.console.reviews.ExerciseReviewPageTest.REVISED_STEPS;
import static com.healthcontent.console.reviews.ExerciseReviewPageTest.exercise;
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
 * An exercise's published versions and what changed from one to the next, on the same pages as an article's, and
 * restoring an old version as the working copy.
 */
@ConsolePageTest
class ExerciseHistoryPageTest {

    static final String RESTORED =
            "Version 1 of “Knees to chest” is now the working copy; it goes through review again.";

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void theExercisePageLinksToItsHistory() throws Exception {
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, workflow("IN_REVIEW", null)));

        Document exercise =
                page(mvc.perform(get("/exercises/e-1").with(drRao())).andExpect(status().isOk()));

        assertThat(exercise.select("article a:containsOwn(History)").attr("href"))
                .isEqualTo("/exercises/e-1/history");
    }

    @Test
    void theHistoryListsThePublishedVersionsWithTheirApprovalsAndOffersAReviewerNoRestore() throws Exception {
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, workflow("PUBLISHED", 2)));
        platform.answers("/api/v1/exercises/e-1/revisions", REVISIONS);

        Document history =
                page(mvc.perform(get("/exercises/e-1/history").with(drRao())).andExpect(status().isOk()));

        assertThat(history.title()).isEqualTo("History of Knees to chest · Reviewer console");
        assertThat(history.select("p.kind").text()).isEqualTo("Exercise");
        assertThat(history.select("h1").text()).isEqualTo("History of “Knees to chest”");
        assertThat(history.select("a:containsOwn(Back to the exercise)").attr("href"))
                .isEqualTo("/exercises/e-1");
        assertThat(history.select("section.panel").first().select("p.meta").text())
                .isEqualTo("Every published version of this exercise, newest first.");
        assertThat(history.select("section.version h2").eachText()).containsExactly("Version 2", "Version 1");

        Element latest = history.selectFirst("section.version");
        assertThat(latest.select("ul.approvals > li").eachText())
                .containsExactly(
                        "Dr. Priya Rao, M.D. · 2026-12-09T15:00:00Z Clearer on <b>when</b> to see a doctor.",
                        "Dr. Min Kim, D.P.T. · 2026-12-09T16:30:00Z");
        assertThat(latest.select("ul.approvals b"))
                .as("the reviewer's notes are text, not markup")
                .isEmpty();
        assertThat(latest.select("a:containsOwn(Compare with the previous)").attr("href"))
                .isEqualTo("/exercises/e-1/history/diff?from=1&to=2");

        assertThat(history.select("section.version form"))
                .as("a reviewer does not restore")
                .isEmpty();
    }

    @Test
    void editorsAndAuthorsAreOfferedToRestoreEachVersion() throws Exception {
        // one page each, expected before the first call as the fake platform requires
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, workflow("PUBLISHED", 2)));
        platform.answers("/api/v1/exercises/e-1/revisions", REVISIONS);
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, workflow("PUBLISHED", 2)));
        platform.answers("/api/v1/exercises/e-1/revisions", REVISIONS);

        for (RequestPostProcessor who : List.of(eliEditor(), anaAuthor())) {
            Document history =
                    page(mvc.perform(get("/exercises/e-1/history").with(who)).andExpect(status().isOk()));

            assertThat(history.select("section.version form").eachAttr("action"))
                    .containsExactly("/exercises/e-1/history/2/restoration", "/exercises/e-1/history/1/restoration");
            assertThat(history.select("section.version form").eachAttr("method"))
                    .containsOnly("post");
        }
    }

    @Test
    void theComparisonShowsEachChangedPartBeforeAndAfterAsText() throws Exception {
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, workflow("PUBLISHED", 2)));
        platform.answers("/api/v1/exercises/e-1/revisions/diff?from=1&to=2", """
                {"from": 1, "to": 2, "changes": [
                  {"path": "steps[0]", "before": "Lie on your back.",
                   "after": "Lie on your back <script>alert(1)</script>"},
                  {"path": "dose.holdSeconds", "before": 20, "after": 30},
                  {"path": "precautions[1]", "after": "Keep your lower back on the floor."},
                  {"path": "media[0]", "before": {"type": "IMAGE", "url": "https://cdn.example/knees.jpg"}}]}
                """);

        Document diff = page(mvc.perform(get("/exercises/e-1/history/diff")
                        .param("from", "1")
                        .param("to", "2")
                        .with(drRao()))
                .andExpect(status().isOk()));

        assertThat(diff.select("p.kind").text()).isEqualTo("Exercise");
        assertThat(diff.select("h1").text()).isEqualTo("From version 1 to version 2");
        assertThat(diff.select("a:containsOwn(Back to the history of the exercise)")
                        .attr("href"))
                .isEqualTo("/exercises/e-1/history");
        assertThat(diff.select("section.panel").first().select("p.meta").text())
                .isEqualTo("Of the exercise “Knees to chest”: 4 changes.");
        assertThat(diff.select(".section-change h3").eachText())
                .containsExactly(
                        "steps[0] changed", "dose.holdSeconds changed", "precautions[1] added", "media[0] removed");

        Element step = diff.selectFirst(".section-change.changed");
        assertThat(step.select(".before .value").text()).isEqualTo("Lie on your back.");
        assertThat(step.select(".after .value").text()).isEqualTo("Lie on your back <script>alert(1)</script>");
        assertThat(diff.select("main script"))
                .as("values are text, never markup")
                .isEmpty();
        assertThat(diff.select(".section-change.changed")
                        .last()
                        .select(".value")
                        .eachText())
                .containsExactly("20", "30");
        assertThat(diff.selectFirst(".section-change.new")
                        .select(".after .value")
                        .text())
                .isEqualTo("Keep your lower back on the floor.");
        assertThat(diff.selectFirst(".section-change.removed")
                        .select(".before .value")
                        .text())
                .contains("\"url\"", "\"https://cdn.example/knees.jpg\"");
    }

    @Test
    void restoringPostsToThePlatformAndTheExercisePageSaysSo() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/exercises/e-1/revisions/1/restoration")
                .andRespond(withSuccess(exercise(LIVE_STEPS, workflow("DRAFT", 2)), MediaType.APPLICATION_JSON));
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(LIVE_STEPS, workflow("DRAFT", 2)));
        platform.answers("/api/v1/exercises/knees-to-chest", exercise(REVISED_STEPS, "null"));

        ResultActions restored = mvc.perform(post("/exercises/e-1/history/1/restoration")
                        .with(eliEditor())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/exercises/e-1"))
                .andExpect(flash().attribute("done", RESTORED));

        Document exercise =
                page(mvc.perform(followRedirect(restored).with(eliEditor())).andExpect(status().isOk()));
        assertThat(exercise.select(".notice.done[role=status]").text()).isEqualTo(RESTORED);
        assertThat(exercise.select("article .status").text()).isEqualTo("DRAFT");
    }

    @Test
    void anExerciseThePlatformDoesNotKnowIsANotFoundPage() throws Exception {
        platform.expect(HttpMethod.GET, "/api/v1/exercises/drafts/e-9")
                .andRespond(problem(HttpStatus.NOT_FOUND, "Exercise 'e-9' was not found."));

        Document missing =
                page(mvc.perform(get("/exercises/e-9/history").with(drRao())).andExpect(status().isNotFound()));

        assertThat(missing.select("h1").text()).isEqualTo("Not found");
        assertThat(missing.select("main p").first().text()).isEqualTo("Exercise 'e-9' was not found.");
    }

    /** An exercise's or a routine's workflow as staff get it, in a status, live at a revision or never published. */
    static String workflow(String status, Integer liveRevision) {
        return """
                {"status": "%s", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao"], "awaiting": [],
                 "liveRevision": %s, "history": []}
                """.formatted(status, liveRevision);
    }
}
