package com.healthcontent.console.reports;

import static com.healthcontent.console.Pages.followRedirect;
import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
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
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Readers' problem reports on what the reviewer reviews, with each page's helpfulness, and their triage. */
@ConsolePageTest
class ReportsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void newReportsAreListedWithTheHelpfulnessOfTheirPage() throws Exception {
        platform.answers("/api/v1/feedback/reports?status=NEW&size=50", """
                {"items": [%s, %s, %s], "page": {"size": 50}}
                """.formatted(
                report(
                        "r-1",
                        "ARTICLE",
                        "a-1",
                        "Is It Good or Bad to Crack Your Back?",
                        "INACCURATE",
                        "The hold time is wrong.",
                        "NEW"),
                report("r-2", "ARTICLE", "a-1", "Is It Good or Bad to Crack Your Back?", "OUTDATED", null, "NEW"),
                report("r-3", "EXERCISE", "e-1", "Knees to chest", "UNCLEAR", "Which knee first?", "NEW")));
        // one summary per page, however many reports it has; an exercise nobody voted on has none
        platform.answers("/api/v1/feedback/summary?type=ARTICLE&id=a-1", """
                {"type": "ARTICLE", "id": "a-1", "helpful": 12, "notHelpful": 3, "byReason": {"INACCURATE": 1}}
                """);
        platform.expect(HttpMethod.GET, "/api/v1/feedback/summary?type=EXERCISE&id=e-1")
                .andRespond(problem(HttpStatus.NOT_FOUND, "No feedback on EXERCISE e-1."));

        Document reports = page(mvc.perform(get("/reports").with(drRao())).andExpect(status().isOk()));

        assertThat(reports.select(".tabs a[aria-current=page]").text()).isEqualTo("New");
        Element first = reports.selectFirst("li.report[data-id=r-1]");
        assertThat(first.select(".what").text()).isEqualTo("INACCURATE on Is It Good or Bad to Crack Your Back?");
        assertThat(first.select(".what a").attr("href")).isEqualTo("/articles/a-1");
        assertThat(first.select("blockquote").text()).isEqualTo("The hold time is wrong.");
        assertThat(first.select(".meta").eachText())
                .containsExactly("2026-12-03T09:15:00Z · status new", "Readers: 12 found it helpful, 3 did not.");
        assertThat(first.select("form.triage button").eachText()).containsExactly("Acknowledge", "Resolve", "Dismiss");
        assertThat(first.select("form.triage input[name=shown]").val()).isEqualTo("NEW");
        assertThat(reports.select("li.report[data-id=r-2] .meta").eachText())
                .contains("Readers: 12 found it helpful, 3 did not.");
        Element onExercise = reports.selectFirst("li.report[data-id=r-3]");
        assertThat(onExercise.select(".what").text()).isEqualTo("UNCLEAR on Knees to chest");
        assertThat(onExercise.select(".what a"))
                .as("an exercise's reports do not lead to an article")
                .isEmpty();
        assertThat(onExercise.select(".meta").eachText()).containsExactly("2026-12-03T09:15:00Z · status new");
    }

    @Test
    void aReportOnAnEarlierRevisionShowsHowThePageDidBeforeAndAfterTheFix() throws Exception {
        platform.answers("/api/v1/feedback/reports?status=NEW&size=50", """
                {"items": [%s], "page": {"size": 50}}
                """.formatted(report(
                        "r-1", "ARTICLE", "a-1", "Is It Good or Bad to Crack Your Back?", "OUTDATED", null, "NEW")
                .replace("\"slug\": \"a-1\"", "\"slug\": \"a-1\", \"revision\": 2")));
        platform.answers("/api/v1/feedback/summary?type=ARTICLE&id=a-1", """
                {"type": "ARTICLE", "id": "a-1", "helpful": 6, "notHelpful": 7, "byReason": {"OUTDATED": 5},
                 "last30Days": {"helpful": 6, "notHelpful": 7, "byReason": {"OUTDATED": 5}},
                 "revision": 3, "current": {"helpful": 5, "notHelpful": 0, "byReason": {}},
                 "revisions": [{"revision": 3, "helpful": 5, "notHelpful": 0, "byReason": {}},
                               {"revision": 2, "helpful": 1, "notHelpful": 7, "byReason": {"OUTDATED": 5}}]}
                """);

        Document reports = page(mvc.perform(get("/reports").with(drRao())).andExpect(status().isOk()));

        assertThat(reports.select("li.report[data-id=r-1] .meta").eachText())
                .containsExactly(
                        "2026-12-03T09:15:00Z · status new · on revision 2",
                        "Readers: 6 found it helpful, 7 did not.",
                        "Revision 3 (live): 5 helpful, 0 not; revision 2: 1 helpful, 7 not.");
    }

    @Test
    void aPageWithoutAnEarlierRevisionShowsNoBeforeAndAfter() throws Exception {
        platform.answers("/api/v1/feedback/reports?status=NEW&size=50", """
                {"items": [%s], "page": {"size": 50}}
                """.formatted(
                        report("r-1", "EXERCISE", "e-1", "Knees to chest", "UNCLEAR", null, "NEW")
                                .replace("\"slug\": \"e-1\"", "\"slug\": \"e-1\", \"revision\": 4")));
        platform.answers("/api/v1/feedback/summary?type=EXERCISE&id=e-1", """
                {"type": "EXERCISE", "id": "e-1", "helpful": 4, "notHelpful": 1, "byReason": {"UNCLEAR": 1},
                 "last30Days": {"helpful": 4, "notHelpful": 1, "byReason": {"UNCLEAR": 1}},
                 "revision": 4, "current": {"helpful": 4, "notHelpful": 1, "byReason": {"UNCLEAR": 1}},
                 "revisions": [{"revision": 4, "helpful": 4, "notHelpful": 1, "byReason": {"UNCLEAR": 1}}]}
                """);

        Document reports = page(mvc.perform(get("/reports").with(drRao())).andExpect(status().isOk()));

        assertThat(reports.select("li.report .meta").eachText())
                .containsExactly(
                        "2026-12-03T09:15:00Z · status new · on revision 4", "Readers: 4 found it helpful, 1 did not.");
        assertThat(reports.select(".since-fix")).isEmpty();
    }

    @Test
    void aResolvedReportIsListedUnderItsTabWithNothingLeftToTriage() throws Exception {
        platform.answers("/api/v1/feedback/reports?status=RESOLVED&size=50", """
                {"items": [%s], "page": {"size": 50}}
                """.formatted(
                        report("r-9", "EXERCISE", "e-1", "Knees to chest", "UNCLEAR", null, "RESOLVED")));
        platform.answers("/api/v1/feedback/summary?type=EXERCISE&id=e-1", """
                {"type": "EXERCISE", "id": "e-1", "helpful": 4, "notHelpful": 1, "byReason": {"UNCLEAR": 1}}
                """);

        Document reports =
                page(mvc.perform(get("/reports").param("status", "RESOLVED").with(drRao()))
                        .andExpect(status().isOk()));

        assertThat(reports.select(".tabs a[aria-current=page]").text()).isEqualTo("Resolved");
        assertThat(reports.select("li.report .meta").eachText())
                .containsExactly("2026-12-03T09:15:00Z · status resolved", "Readers: 4 found it helpful, 1 did not.");
        assertThat(reports.select("form.triage")).isEmpty();
    }

    @Test
    void resolvingAReportWithANoteMarksItResolvedAndStaysOnItsTab() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/feedback/reports/r-1/status")
                .andExpect(content().json("""
                        {"status": "RESOLVED", "note": "Checked against the guideline; step 2 corrected."}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(
                        report(
                                "r-1",
                                "ARTICLE",
                                "a-1",
                                "Is It Good or Bad to Crack Your Back?",
                                "INACCURATE",
                                "The hold time is wrong.",
                                "RESOLVED"),
                        MediaType.APPLICATION_JSON));

        mvc.perform(post("/reports/r-1")
                        .with(drRao())
                        .with(csrf())
                        .param("shown", "NEW")
                        .param("note", "Checked against the guideline; step 2 corrected.")
                        .param("status", "RESOLVED"))
                .andExpect(redirectedUrl("/reports?status=NEW"))
                .andExpect(flash().attribute("done", "Report marked resolved."));
    }

    @Test
    void closingAReportWithoutANoteIsRefusedAndThePageSaysWhatIsMissing() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/feedback/reports/r-1/status")
                .andExpect(content().json("""
                        {"status": "DISMISSED"}
                        """, JsonCompareMode.STRICT))
                .andRespond(problem(
                        HttpStatus.BAD_REQUEST,
                        "The request has invalid fields.",
                        "note",
                        "say how the report was dismissed"));
        platform.answers("/api/v1/feedback/reports?status=NEW&size=50", """
                {"items": [], "page": {"size": 50}}
                """);

        ResultActions refused = mvc.perform(post("/reports/r-1")
                        .with(drRao())
                        .with(csrf())
                        .param("shown", "NEW")
                        .param("note", "  ")
                        .param("status", "DISMISSED"))
                .andExpect(redirectedUrl("/reports?status=NEW"));

        Document reports =
                page(mvc.perform(followRedirect(refused).with(drRao())).andExpect(status().isOk()));
        assertThat(reports.select(".notice.refused[role=alert]").text())
                .isEqualTo("The request has invalid fields. note: say how the report was dismissed");
        assertThat(reports.select(".empty").text()).isEqualTo("No reports here.");
    }

    /** A problem report as GET /api/v1/feedback/reports lists it. */
    static String report(
            String id, String type, String targetId, String title, String reason, String comment, String status) {
        return """
                {"id": "%s", "target": {"type": "%s", "id": "%s", "slug": "%s", "title": "%s"},
                 "reason": "%s", "helpful": false, "comment": %s, "tryingTo": null, "flags": [], "status": "%s",
                 "statusHistory": [], "submittedAt": "2026-12-03T09:15:00Z"}
                """.formatted(
                id, type, targetId, targetId, title, reason, comment == null ? "null" : "\"" + comment + "\"", status);
    }
}
