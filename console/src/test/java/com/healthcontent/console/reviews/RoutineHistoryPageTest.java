package com.healthcontent.console.reviews;

import static com.healthcontent.console.Pages.followRedirect;
import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.reviews.ArticleHistoryPageTest.REVISIONS;
import static com.healthcontent.console.reviews.ExerciseHistoryPageTest.workflow;
import static com.healthcontent.console.reviews.RoutineReviewPageTest.LIVE_STEPS;
import static com.healthcontent.console.reviews.RoutineReviewPageTest.REVISED_STEPS;
import static com.healthcontent.console.reviews.RoutineReviewPageTest.routine;
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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A routine's published versions and what changed from one to the next (its goal, which exercises, their doses), on
 * the same pages as an article's, and restoring an old version as the working copy.
 */
@ConsolePageTest
class RoutineHistoryPageTest {

    static final String GOAL = "Ease a stiff lower back in the morning.";

    static final String RESTORED =
            "Version 1 of “Morning back routine” is now the working copy; it goes through review again.";

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void theRoutinePageLinksToItsHistory() throws Exception {
        platform.answers("/api/v1/routines/drafts/r-1", routine(GOAL, REVISED_STEPS, 270, workflow("IN_REVIEW", null)));

        Document routine = page(mvc.perform(get("/routines/r-1").with(drRao())).andExpect(status().isOk()));

        assertThat(routine.select("article a:containsOwn(History)").attr("href"))
                .isEqualTo("/routines/r-1/history");
    }

    @Test
    void theHistoryListsThePublishedVersionsWithTheirApprovalsAndOffersAReviewerNoRestore() throws Exception {
        platform.answers("/api/v1/routines/drafts/r-1", routine(GOAL, REVISED_STEPS, 270, workflow("PUBLISHED", 2)));
        platform.answers("/api/v1/routines/r-1/revisions", REVISIONS);

        Document history =
                page(mvc.perform(get("/routines/r-1/history").with(drRao())).andExpect(status().isOk()));

        assertThat(history.title()).isEqualTo("History of Morning back routine · Reviewer console");
        assertThat(history.select("p.kind").text()).isEqualTo("Routine");
        assertThat(history.select("h1").text()).isEqualTo("History of “Morning back routine”");
        assertThat(history.select("a:containsOwn(Back to the routine)").attr("href"))
                .isEqualTo("/routines/r-1");
        assertThat(history.select("section.version h2").eachText()).containsExactly("Version 2", "Version 1");
        assertThat(history.select("section.version")
                        .last()
                        .select("ul.approvals > li")
                        .eachText())
                .containsExactly("Dr. Priya Rao, M.D. · 2026-11-01T12:00:00Z Sources check out.");
        assertThat(history.select("ul.approvals b"))
                .as("the reviewer's notes are text, not markup")
                .isEmpty();
        assertThat(history.select("a:containsOwn(Compare with the previous)").eachAttr("href"))
                .containsExactly("/routines/r-1/history/diff?from=1&to=2");

        assertThat(history.select("section.version form"))
                .as("a reviewer does not restore")
                .isEmpty();
    }

    @Test
    void anAuthorIsOfferedToRestoreEachVersion() throws Exception {
        platform.answers("/api/v1/routines/drafts/r-1", routine(GOAL, REVISED_STEPS, 270, workflow("PUBLISHED", 2)));
        platform.answers("/api/v1/routines/r-1/revisions", REVISIONS);

        Document history =
                page(mvc.perform(get("/routines/r-1/history").with(anaAuthor())).andExpect(status().isOk()));

        assertThat(history.select("section.version form").eachAttr("action"))
                .containsExactly("/routines/r-1/history/2/restoration", "/routines/r-1/history/1/restoration");
    }

    @Test
    void theComparisonShowsEachChangedPartBeforeAndAfterAsText() throws Exception {
        platform.answers("/api/v1/routines/drafts/r-1", routine(GOAL, REVISED_STEPS, 270, workflow("PUBLISHED", 2)));
        platform.answers("/api/v1/routines/r-1/revisions/diff?from=1&to=2", """
                {"from": 1, "to": 2, "changes": [
                  {"path": "goal", "before": "Ease a stiff back.",
                   "after": "Ease a stiff lower back <img src=x onerror=alert(1)>"},
                  {"path": "items[1].dose.repetitions.min", "before": 5, "after": 8},
                  {"path": "items[2]", "after": {"exerciseId": "e-2", "dose": null}},
                  {"path": "items[3]", "before": {"exerciseId": "e-4", "dose": null}}]}
                """);

        Document diff = page(mvc.perform(get("/routines/r-1/history/diff")
                        .param("from", "1")
                        .param("to", "2")
                        .with(drRao()))
                .andExpect(status().isOk()));

        assertThat(diff.select("p.kind").text()).isEqualTo("Routine");
        assertThat(diff.select("a:containsOwn(Back to the history of the routine)")
                        .attr("href"))
                .isEqualTo("/routines/r-1/history");
        assertThat(diff.select("section.panel").first().select("p.meta").text())
                .isEqualTo("Of the routine “Morning back routine”: 4 changes.");
        assertThat(diff.select(".section-change h3").eachText())
                .containsExactly(
                        "goal changed", "items[1].dose.repetitions.min changed", "items[2] added", "items[3] removed");

        Element goal = diff.selectFirst(".section-change.changed");
        assertThat(goal.select(".after .value").text())
                .isEqualTo("Ease a stiff lower back <img src=x onerror=alert(1)>");
        assertThat(diff.select("main img")).as("values are text, never markup").isEmpty();
        assertThat(diff.selectFirst(".section-change.new")
                        .select(".after .value")
                        .text())
                .contains("\"exerciseId\"", "\"e-2\"");
        assertThat(diff.selectFirst(".section-change.removed")
                        .select(".before .value")
                        .text())
                .contains("\"exerciseId\"", "\"e-4\"");
    }

    @Test
    void aVersionThePlatformDoesNotKnowIsANotFoundPage() throws Exception {
        platform.answers("/api/v1/routines/drafts/r-1", routine(GOAL, REVISED_STEPS, 270, workflow("PUBLISHED", 2)));
        platform.expect(HttpMethod.GET, "/api/v1/routines/r-1/revisions/diff?from=2&to=3")
                .andRespond(problem(HttpStatus.NOT_FOUND, "Revision 'r-1/3' was not found."));

        Document missing = page(mvc.perform(get("/routines/r-1/history/diff")
                        .param("from", "2")
                        .param("to", "3")
                        .with(drRao()))
                .andExpect(status().isNotFound()));

        assertThat(missing.select("h1").text()).isEqualTo("Not found");
        assertThat(missing.select("main p").first().text()).isEqualTo("Revision 'r-1/3' was not found.");
    }

    @Test
    void restoringPostsToThePlatformAndTheRoutinePageSaysSo() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/routines/r-1/revisions/1/restoration")
                .andRespond(
                        withSuccess(routine(GOAL, LIVE_STEPS, 190, workflow("DRAFT", 2)), MediaType.APPLICATION_JSON));
        platform.answers("/api/v1/routines/drafts/r-1", routine(GOAL, LIVE_STEPS, 190, workflow("DRAFT", 2)));
        platform.answers("/api/v1/routines/morning-back-routine", routine(GOAL, REVISED_STEPS, 270, "null"));

        ResultActions restored = mvc.perform(post("/routines/r-1/history/1/restoration")
                        .with(eliEditor())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/routines/r-1"))
                .andExpect(flash().attribute("done", RESTORED));

        Document routine =
                page(mvc.perform(followRedirect(restored).with(eliEditor())).andExpect(status().isOk()));
        assertThat(routine.select(".notice.done[role=status]").text()).isEqualTo(RESTORED);
        assertThat(routine.select("article .status").text()).isEqualTo("DRAFT");
    }

    @Test
    void aRestorationThePlatformRefusesIsExplainedOnTheHistory() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/routines/r-1/revisions/1/restoration")
                .andRespond(problem(HttpStatus.CONFLICT, "The routine is IN_REVIEW: finish that review first."));
        platform.answers("/api/v1/routines/drafts/r-1", routine(GOAL, REVISED_STEPS, 270, workflow("IN_REVIEW", 2)));
        platform.answers("/api/v1/routines/r-1/revisions", REVISIONS);

        ResultActions refused = mvc.perform(post("/routines/r-1/history/1/restoration")
                        .with(anaAuthor())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/routines/r-1/history"));

        Document history =
                page(mvc.perform(followRedirect(refused).with(anaAuthor())).andExpect(status().isOk()));
        assertThat(history.select(".notice.refused[role=alert]").text())
                .isEqualTo("The routine is IN_REVIEW: finish that review first.");
    }
}
