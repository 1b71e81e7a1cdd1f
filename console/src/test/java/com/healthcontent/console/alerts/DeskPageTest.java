package com.healthcontent.console.alerts;

import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.signin.SignedIn.anaAuthor;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static com.healthcontent.console.signin.SignedIn.eliEditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withNoContent;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk, the first page after signing in: the alerts with the unread count, and by role what awaits the signed-in
 * person (a reviewer's queue and what falls due, an editor's articles to publish, an author's own articles).
 */
@ConsolePageTest
class DeskPageTest {

    static final String NO_ALERTS = """
            {"items": [], "page": {"size": 20}, "unreadCount": 0}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void aReviewerSeesTheirAlertsAndWhatAwaitsTheirReview() throws Exception {
        platform.answers("/api/v1/me/alerts?size=20", """
                {"items": [
                  {"id": "al-2", "kind": "PROBLEM_REPORT", "reportId": "r-1",
                   "target": {"type": "ARTICLE", "id": "a-1", "slug": "is-it-good-or-bad-to-crack-your-back",
                              "title": "Is It Good or Bad to Crack Your Back?"},
                   "reason": "INACCURATE", "detail": "INACCURATE: the hold time is wrong",
                   "createdAt": "2026-12-03T09:15:00Z", "readAt": null},
                  {"id": "al-1", "kind": "REVIEW_REQUESTED", "reportId": null,
                   "target": {"type": "EXERCISE", "id": "e-1", "slug": "knees-to-chest", "title": "Knees to chest"},
                   "reason": null, "detail": "Ana Alvarez asks for your review",
                   "createdAt": "2026-12-02T16:00:00Z", "readAt": "2026-12-02T16:30:00Z"},
                  {"id": "al-0", "kind": "REVIEW_REQUESTED", "reportId": null,
                   "target": {"type": "ROUTINE", "id": "r-1", "slug": "morning-back-routine",
                              "title": "Morning back routine"},
                   "reason": null, "detail": "Ana Alvarez asks for your review",
                   "createdAt": "2026-12-02T17:00:00Z", "readAt": "2026-12-02T17:30:00Z"}],
                 "page": {"size": 20}, "unreadCount": 1}
                """);
        platform.answers("/api/v1/me/reviews?size=50", """
                {"items": [
                  {"type": "ARTICLE", "id": "a-7", "slug": "sciatica", "title": "Sciatica: what helps",
                   "status": "IN_REVIEW", "author": "ana.author", "at": "2026-12-01T10:00:00Z",
                   "submittedAt": "2026-12-01T10:00:00Z", "nextReviewDue": null, "reviewers": ["dr.rao"]},
                  {"type": "EXERCISE", "id": "e-1", "slug": "knees-to-chest", "title": "Knees to chest",
                   "status": "IN_REVIEW", "author": "ana.author", "at": "2026-12-02T16:00:00Z",
                   "submittedAt": "2026-12-02T16:00:00Z", "nextReviewDue": null, "reviewers": ["dr.rao"]},
                  {"type": "ROUTINE", "id": "r-1", "slug": "morning-back-routine", "title": "Morning back routine",
                   "status": "IN_REVIEW", "author": "ana.author", "at": "2026-12-02T17:00:00Z",
                   "submittedAt": "2026-12-02T17:00:00Z", "nextReviewDue": null, "reviewers": ["dr.rao"]}],
                 "page": {"size": 50}}
                """);
        platform.answers("/api/v1/me/reviews?due=30d&size=50", """
                {"items": [
                  {"type": "ARTICLE", "id": "a-1", "slug": "is-it-good-or-bad-to-crack-your-back",
                   "title": "Is It Good or Bad to Crack Your Back?", "status": "PUBLISHED", "author": "ana.author",
                   "at": "2026-12-20T00:00:00Z", "submittedAt": null, "nextReviewDue": "2026-12-20T00:00:00Z",
                   "reviewers": ["dr.rao"]},
                  {"type": "ROUTINE", "id": "r-2", "slug": "desk-break-routine", "title": "Desk break routine",
                   "status": "PUBLISHED", "author": "ana.author", "at": "2026-12-28T00:00:00Z", "submittedAt": null,
                   "nextReviewDue": "2026-12-28T00:00:00Z", "reviewers": ["dr.rao"]}],
                 "page": {"size": 50}}
                """);

        Document desk = page(mvc.perform(get("/").with(drRao())).andExpect(status().isOk()));

        assertThat(desk.select(".signout .who").text()).isEqualTo("Dr. Priya Rao");
        assertThat(desk.select("nav[aria-label=Main] a").eachText())
                .containsExactly("Desk", "Reports", "Alert settings");
        assertThat(desk.select("#unread").text()).isEqualTo("1 unread");
        assertThat(desk.select("form[action=/alerts/read-all] button").text()).isEqualTo("Mark all read");

        Element report = desk.selectFirst("#alerts > li[data-id=al-2]");
        assertThat(report.hasClass("unread")).isTrue();
        assertThat(report.select(".what").text()).isEqualTo("PROBLEM REPORT on Is It Good or Bad to Crack Your Back?");
        assertThat(report.select(".detail").text()).isEqualTo("INACCURATE: the hold time is wrong");
        assertThat(report.select(".actions a").eachAttr("href"))
                .containsExactly("/articles/a-1", "/reports?status=NEW");
        assertThat(report.select("form[action=/alerts/al-2/read] button").text())
                .isEqualTo("Mark read");
        Element reviewRequest = desk.selectFirst("#alerts > li[data-id=al-1]");
        assertThat(reviewRequest.hasClass("unread")).isFalse();
        assertThat(reviewRequest.select(".actions a").eachAttr("href")).containsExactly("/exercises/e-1");
        assertThat(reviewRequest.select("form"))
                .as("a read alert has nothing left to mark")
                .isEmpty();
        assertThat(desk.select("#alerts > li[data-id=al-0] .actions a").eachAttr("href"))
                .containsExactly("/routines/r-1");

        assertThat(desk.select("#queue a").eachText())
                .containsExactly("Sciatica: what helps", "Knees to chest", "Morning back routine");
        assertThat(desk.select("#queue a").eachAttr("href"))
                .as("each kind of content opens on its own review page")
                .containsExactly("/articles/a-7", "/exercises/e-1", "/routines/r-1");
        assertThat(desk.select("#queue .meta").first().text())
                .isEqualTo("article by ana.author, submitted 2026-12-01T10:00:00Z");
        assertThat(desk.select("#queue .meta").last().text())
                .isEqualTo("routine by ana.author, submitted 2026-12-02T17:00:00Z");
        assertThat(desk.select("section:has(#due-heading) li").eachText())
                .containsExactly(
                        "Is It Good or Bad to Crack Your Back? due 2026-12-20T00:00:00Z",
                        "Desk break routine due 2026-12-28T00:00:00Z");
        assertThat(desk.select("section:has(#due-heading) a").eachAttr("href"))
                .containsExactly("/articles/a-1", "/routines/r-2");
    }

    @Test
    void anEditorSeesWhatIsApprovedAndAwaitsPublicationWithWhoReviewedIt() throws Exception {
        platform.answers("/api/v1/me/alerts?size=20", NO_ALERTS);
        nothingStalled();
        platform.answers("/api/v1/articles/drafts?status=APPROVED&size=50", """
                {"items": [
                  {"type": "ARTICLE", "id": "a-1", "slug": "is-it-good-or-bad-to-crack-your-back",
                   "title": "Is It Good or Bad to Crack Your Back?", "status": "APPROVED", "author": "ana.author",
                   "at": "2026-12-01T10:00:00Z", "submittedAt": "2026-12-01T10:00:00Z", "nextReviewDue": null,
                   "reviewers": ["dr.rao", "dr.kim"]}],
                 "page": {"size": 50}}
                """);

        Document desk = page(mvc.perform(get("/").with(eliEditor())).andExpect(status().isOk()));

        assertThat(desk.select("#to-publish li").eachText())
                .containsExactly("Is It Good or Bad to Crack Your Back? by ana.author, reviewed by dr.rao, dr.kim");
        assertThat(desk.select("#to-publish a").attr("href")).isEqualTo("/articles/a-1");
        assertThat(desk.select("#queue")).as("an editor reviews nothing").isEmpty();
        assertThat(desk.select("#unread").text()).isEqualTo("0 unread");
        assertThat(desk.select("#no-alerts").text()).isEqualTo("No alerts yet.");
        assertThat(desk.select("form[action=/alerts/read-all]")).isEmpty();
    }

    @Test
    void anEditorSeesWhatWaitsOnSomeoneWhoCannotReviewFromEveryCollection() throws Exception {
        platform.answers("/api/v1/me/alerts?size=20", NO_ALERTS);
        platform.answers("/api/v1/articles/stalled-reviews", """
                {"items": [{"type": "ARTICLE", "id": "a-3", "slug": "neck-pain", "title": "Easing neck pain",
                  "author": "ana.author", "submittedAt": "2026-11-20T09:00:00Z",
                  "awaiting": ["dr.kim"], "unavailable": ["dr.kim"]}]}
                """);
        platform.answers("/api/v1/exercises/stalled-reviews", "{\"items\": []}");
        platform.answers("/api/v1/routines/stalled-reviews", """
                {"items": [{"type": "ROUTINE", "id": "r-4", "slug": "desk-break", "title": "Desk break routine",
                  "author": "ana.author", "submittedAt": "2026-11-28T09:00:00Z",
                  "awaiting": ["dr.rao", "dr.gone"], "unavailable": ["dr.gone"]}]}
                """);
        platform.answers(
                "/api/v1/articles/drafts?status=APPROVED&size=50", "{\"items\": [], \"page\": {\"size\": 50}}");

        Document desk = page(mvc.perform(get("/").with(eliEditor())).andExpect(status().isOk()));

        assertThat(desk.select("#stalled li").eachText())
                .containsExactly(
                        "Easing neck pain waits on dr.kim, in review since 2026-11-20T09:00:00Z",
                        "Desk break routine waits on dr.gone, in review since 2026-11-28T09:00:00Z");
        assertThat(desk.select("#stalled a").eachAttr("href")).containsExactly("/articles/a-3", "/routines/r-4");
    }

    @Test
    void anEditorWithNothingStalledSeesNoSuchPanel() throws Exception {
        platform.answers("/api/v1/me/alerts?size=20", NO_ALERTS);
        nothingStalled();
        platform.answers(
                "/api/v1/articles/drafts?status=APPROVED&size=50", "{\"items\": [], \"page\": {\"size\": 50}}");

        Document desk = page(mvc.perform(get("/").with(eliEditor())).andExpect(status().isOk()));

        assertThat(desk.select("#stalled-heading")).isEmpty();
    }

    private void nothingStalled() {
        for (String collection : List.of("articles", "exercises", "routines")) {
            platform.answers("/api/v1/" + collection + "/stalled-reviews", "{\"items\": []}");
        }
    }

    @Test
    void anAuthorSeesWhereEachOfTheirArticlesStandsAndNoReports() throws Exception {
        platform.answers("/api/v1/me/alerts?size=20", NO_ALERTS);
        platform.answers("/api/v1/articles/drafts?size=50", """
                {"items": [
                  {"type": "ARTICLE", "id": "a-7", "slug": "sciatica", "title": "Sciatica: what helps",
                   "status": "CHANGES_REQUESTED", "author": "ana.author", "at": "2026-12-01T10:00:00Z",
                   "submittedAt": "2026-12-01T10:00:00Z", "nextReviewDue": null, "reviewers": ["dr.rao"]}],
                 "page": {"size": 50}}
                """);

        Document desk = page(mvc.perform(get("/").with(anaAuthor())).andExpect(status().isOk()));

        assertThat(desk.select("#mine li").eachText()).containsExactly("Sciatica: what helps changes requested");
        assertThat(desk.select("nav[aria-label=Main] a").eachText()).containsExactly("Desk", "Alert settings");
        assertThat(desk.select("#queue, #to-publish")).isEmpty();
    }

    @Test
    void markingAnAlertReadTellsThePlatformAndReturnsToTheDesk() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/me/alerts/al-2/read")
                .andRespond(withSuccess("""
                {"id": "al-2", "kind": "PROBLEM_REPORT", "readAt": "2026-12-03T09:20:00Z"}
                """, MediaType.APPLICATION_JSON));

        mvc.perform(post("/alerts/al-2/read").with(drRao()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void markingAllAlertsReadTellsThePlatformOnce() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/me/alerts/read-all").andRespond(withNoContent());

        mvc.perform(post("/alerts/read-all").with(drRao()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
    }
}
