package com.healthcontent.console.reviews;

import static com.healthcontent.console.Pages.followRedirect;
import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static com.healthcontent.console.signin.SignedIn.eliEditor;
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

/**
 * An article's review page as a reviewer reads it before deciding (the revision beside the live version, section by
 * section; the citation check; the history), the decision itself, and the editor's steps on the same page.
 */
@ConsolePageTest
class ArticleReviewPageTest {

    static final String TITLE = "Is It Good or Bad to Crack Your Back?";

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void theRevisionIsShownBesideTheLiveVersionSectionBySection() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("IN_REVIEW", 1, """
                [{"type": "TEXT", "heading": "Why it pops", "body": "Gas bubbles in the joint fluid [1]."},
                 {"type": "TEXT", "heading": "Is it harmful?", "body": "Rarely, if done gently [2]."},
                 {"type": "TEXT", "heading": "Stretches", "body": "Try knees to chest."}]
                """));
        platform.answers("/api/v1/articles/is-it-good-or-bad-to-crack-your-back", """
                {"id": "a-1", "slug": "is-it-good-or-bad-to-crack-your-back",
                 "title": "Is it good or bad to crack your back?", "summary": "Usually harmless [1].",
                 "sections": [
                   {"type": "TEXT", "heading": "Why it pops", "body": "Gas bubbles in the joint fluid [1].",
                    "html": "<p>Gas bubbles in the joint fluid [1].</p>"},
                   {"type": "TEXT", "heading": "Is it harmful?", "body": "Rarely.", "html": "<p>Rarely.</p>"},
                   {"type": "TEXT", "heading": "Old advice", "body": "Crack it daily.",
                    "html": "<p>Crack it daily.</p>"}],
                 "revision": 1}
                """);

        Document article = page(mvc.perform(get("/articles/a-1").with(drRao())).andExpect(status().isOk()));

        assertThat(article.select("h1").text()).isEqualTo(TITLE);
        assertThat(article.select("article .status").text()).isEqualTo("IN REVIEW");
        assertThat(article.select("article .meta").eachText())
                .containsExactly(
                        "By Ana Alvarez · reviewers: dr.rao, dr.kim · awaiting dr.rao",
                        "Live version: revision 1, titled “Is it good or bad to crack your back?”, compared below.");
        assertThat(article.select(".section-change h3").eachText())
                .containsExactly(
                        "Why it pops unchanged", "Is it harmful? changed", "Stretches new", "Old advice removed");
        Element changed = article.selectFirst(".section-change.changed");
        assertThat(changed.select(".side-by-side > div").eachText())
                .containsExactly("Live Rarely.", "Revision Rarely, if done gently [2].");
        assertThat(article.select(".section-change.removed p").text()).isEqualTo("Crack it daily.");
        assertThat(article.select(".check.ok").text()).startsWith("Every citation marker has its reference");
        assertThat(article.select("ol.references a").eachAttr("href"))
                .containsExactly(
                        "https://doi.org/10.1371/journal.pone.0119470", "https://pubmed.ncbi.nlm.nih.gov/25902522");
        assertThat(article.select(".history li").eachText())
                .containsExactly("2026-12-01T10:00:00Z · Ana Alvarez: SUBMITTED");
        assertThat(article.select("#published-until"))
                .as("no period: live until someone unpublishes it")
                .isEmpty();
    }

    @Test
    void aPublicationForALimitedTimeSaysUntilWhenAndWhy() throws Exception {
        platform.answers(
                "/api/v1/articles/drafts/a-1",
                draft("PUBLISHED", 1, SECTIONS).replace("\"publishedUntil\": null", WINTER_CAMPAIGN));
        platform.answers("/api/v1/articles/is-it-good-or-bad-to-crack-your-back", """
                {"id": "a-1", "slug": "is-it-good-or-bad-to-crack-your-back", "title": "%s",
                 "summary": "Usually harmless [1].", "sections": [], "revision": 1}
                """.formatted(TITLE));

        Document article = page(mvc.perform(get("/articles/a-1").with(drRao())).andExpect(status().isOk()));

        assertThat(article.select("article #published-until").text())
                .isEqualTo("Published until 31 March 2027, 23:00 UTC: The winter campaign ends.");
        assertThat(article.select("#published-until time").attr("datetime")).isEqualTo("2027-03-31T23:00:00Z");
    }

    @Test
    void aCitationWithoutItsReferenceAndAReferenceNeverCitedArePointedOut() throws Exception {
        // not live yet: the page asks for no live version, and every section is new
        platform.answers("/api/v1/articles/drafts/a-1", draft("IN_REVIEW", null, """
                [{"type": "TEXT", "heading": "Why it pops", "body": "Gas bubbles in the joint fluid [1]."},
                 {"type": "TEXT", "heading": "Is it harmful?", "body": "Rarely [3]."}]
                """));

        Document article = page(mvc.perform(get("/articles/a-1").with(drRao())).andExpect(status().isOk()));

        assertThat(article.select(".check.bad").eachText())
                .containsExactly("Cited but not listed: [3]", "Listed but never cited: [2]");
        assertThat(article.select(".check.ok")).isEmpty();
        assertThat(article.select("article .meta").last().text()).isEqualTo("Not live yet: every section is new.");
        assertThat(article.select(".section-change .tag").eachText()).containsOnly("new");
    }

    @Test
    void aReviewerIsOfferedTheDecisionOnAnArticleInReview() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("IN_REVIEW", null, SECTIONS));

        Document article = page(mvc.perform(get("/articles/a-1").with(drRao())).andExpect(status().isOk()));

        Element decision = article.selectFirst("section.decision form");
        assertThat(decision.attr("action")).isEqualTo("/articles/a-1/review");
        assertThat(decision.select("label[for=notes]").text()).startsWith("Notes for the author");
        assertThat(decision.select("button[name=outcome]").eachAttr("value"))
                .containsExactly("APPROVED", "CHANGES_REQUESTED");
        assertThat(decision.select("button[name=outcome]").eachText()).containsExactly("Approve", "Request changes");
        assertThat(article.select("#editor-heading"))
                .as("the editor's steps are not a reviewer's")
                .isEmpty();
    }

    @Test
    void anEditorCanReassignTheReviewersOfAnArticleInReviewButNotDecideOnIt() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("IN_REVIEW", null, SECTIONS));

        Document article =
                page(mvc.perform(get("/articles/a-1").with(eliEditor())).andExpect(status().isOk()));

        assertThat(article.select("section.decision")).isEmpty();
        Element reassign = article.selectFirst("form[action=/articles/a-1/reviewers]");
        assertThat(reassign.select("input#reviewers").val()).isEqualTo("dr.rao, dr.kim");
        assertThat(article.select("form[action=/articles/a-1/publication]"))
                .as("an article in review is not ready to publish")
                .isEmpty();
    }

    @Test
    void approvingSendsTheDecisionAndTheDeskSaysWhatWasApproved() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/reviews")
                .andExpect(content().json("""
                        {"outcome": "APPROVED"}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(draft("APPROVED", null, SECTIONS), MediaType.APPLICATION_JSON));
        // the desk the decision leads to: the article has left the queue
        platform.answers("/api/v1/me/alerts?size=20", """
                {"items": [], "page": {"size": 20}, "unreadCount": 0}
                """);
        platform.answers("/api/v1/me/reviews?size=50", """
                {"items": [], "page": {"size": 50}}
                """);
        platform.answers("/api/v1/me/reviews?due=30d&size=50", """
                {"items": [], "page": {"size": 50}}
                """);

        ResultActions approved = mvc.perform(post("/articles/a-1/review")
                        .with(drRao())
                        .with(csrf())
                        .param("outcome", "APPROVED")
                        .param("notes", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));

        Document desk = page(mvc.perform(followRedirect(approved).with(drRao())).andExpect(status().isOk()));
        assertThat(desk.select(".notice.done[role=status]").text()).isEqualTo("You approved “" + TITLE + "”.");
        assertThat(desk.select("#queue-heading ~ .empty").text()).isEqualTo("Nothing awaits your review.");
    }

    @Test
    void requestingChangesSendsTheNotesForTheAuthor() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/reviews")
                .andExpect(content().json("""
                        {"outcome": "CHANGES_REQUESTED", "notes": "Cite the 2015 MRI study for the gas bubbles."}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(draft("CHANGES_REQUESTED", null, SECTIONS), MediaType.APPLICATION_JSON));

        mvc.perform(post("/articles/a-1/review")
                        .with(drRao())
                        .with(csrf())
                        .param("outcome", "CHANGES_REQUESTED")
                        .param("notes", "Cite the 2015 MRI study for the gas bubbles."))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("done", "You asked for changes to “" + TITLE + "”."));
    }

    @Test
    void aDecisionThePlatformRefusesIsExplainedOnTheArticlePage() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/reviews")
                .andRespond(problem(HttpStatus.CONFLICT, "The article is APPROVED, not IN_REVIEW."));
        platform.answers("/api/v1/articles/drafts/a-1", draft("APPROVED", null, SECTIONS));

        ResultActions refused = mvc.perform(
                        post("/articles/a-1/review").with(drRao()).with(csrf()).param("outcome", "APPROVED"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/articles/a-1"));

        Document article =
                page(mvc.perform(followRedirect(refused).with(drRao())).andExpect(status().isOk()));
        assertThat(article.select(".notice.refused[role=alert]").text())
                .isEqualTo("The article is APPROVED, not IN_REVIEW.");
        assertThat(article.select(".notice.done")).isEmpty();
        assertThat(article.select("section.decision"))
                .as("nothing is left to decide")
                .isEmpty();
    }

    @Test
    void anEditorSchedulesAnApprovedArticle() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("APPROVED", null, SECTIONS));
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/publication")
                .andExpect(content().json("""
                        {"at": "2026-12-24T08:00:00Z"}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(
                        draft("SCHEDULED", null, SECTIONS)
                                .replace("\"scheduledFor\": null", "\"scheduledFor\": \"2026-12-24T08:00:00Z\""),
                        MediaType.APPLICATION_JSON));

        Document article =
                page(mvc.perform(get("/articles/a-1").with(eliEditor())).andExpect(status().isOk()));
        assertThat(article.select("form[action=/articles/a-1/publication] label[for=at]")
                        .text())
                .startsWith("Publish at (leave empty to publish now");
        mvc.perform(post("/articles/a-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("at", "2026-12-24T08:00:00Z"))
                .andExpect(redirectedUrl("/articles/a-1"))
                .andExpect(flash().attribute("done", "Scheduled for 2026-12-24T08:00:00Z."));
    }

    @Test
    void anEditorSchedulesAnArticleForALimitedTime() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", draft("APPROVED", null, SECTIONS));
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/publication")
                .andExpect(content().json("""
                        {"at": "2026-12-24T08:00:00Z", "until": "2027-03-31T23:00:00Z",
                         "reason": "The winter campaign ends."}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(
                        draft("SCHEDULED", null, SECTIONS)
                                .replace("\"scheduledFor\": null", "\"scheduledFor\": \"2026-12-24T08:00:00Z\"")
                                .replace("\"publishedUntil\": null", WINTER_CAMPAIGN),
                        MediaType.APPLICATION_JSON));

        Document article =
                page(mvc.perform(get("/articles/a-1").with(eliEditor())).andExpect(status().isOk()));
        Element form = article.selectFirst("form[action=/articles/a-1/publication]");
        assertThat(form.select("label[for=until]").text()).isEqualTo("Take down on (optional, UTC)");
        assertThat(form.select("input#until").attr("type")).isEqualTo("datetime-local");
        assertThat(form.select("label[for=until-reason]").text()).startsWith("Reason it is taken down then");
        assertThat(form.select("input#until-reason").attr("name")).isEqualTo("reason");

        // as a datetime-local field sends it: no zone, read in UTC like the page shows it
        mvc.perform(post("/articles/a-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("at", "2026-12-24T08:00:00Z")
                        .param("until", "2027-03-31T23:00")
                        .param("reason", "The winter campaign ends."))
                .andExpect(redirectedUrl("/articles/a-1"))
                .andExpect(flash().attribute("done", "Scheduled for 2026-12-24T08:00:00Z."));
    }

    @Test
    void aTakeDownTimeThePlatformRefusesIsExplainedOnTheArticlePage() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/publication")
                .andExpect(content().json("""
                        {"until": "2020-01-01T08:00:00Z", "reason": "The winter campaign ends."}
                        """, JsonCompareMode.STRICT))
                .andRespond(problem(
                        HttpStatus.BAD_REQUEST, "The request has invalid fields.", "until", "must be in the future"));
        platform.answers("/api/v1/articles/drafts/a-1", draft("APPROVED", null, SECTIONS));

        ResultActions refused = mvc.perform(post("/articles/a-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("at", "")
                        .param("until", "2020-01-01T08:00")
                        .param("reason", "The winter campaign ends."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/articles/a-1"));

        Document article =
                page(mvc.perform(followRedirect(refused).with(eliEditor())).andExpect(status().isOk()));
        assertThat(article.select(".notice.refused[role=alert]").text())
                .isEqualTo("The request has invalid fields. until: must be in the future");
        assertThat(article.select("form[action=/articles/a-1/publication]"))
                .as("still approved: the editor can try again")
                .hasSize(1);
    }

    @Test
    void publishingWithoutATimePublishesAtOnce() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/articles/a-1/publication")
                .andExpect(content().json("{}", JsonCompareMode.STRICT))
                .andRespond(withSuccess(draft("PUBLISHED", 1, SECTIONS), MediaType.APPLICATION_JSON));

        mvc.perform(post("/articles/a-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("at", "")
                        .param("until", "")
                        .param("reason", ""))
                .andExpect(redirectedUrl("/articles/a-1"))
                .andExpect(flash().attribute("done", "Published."));
    }

    @Test
    void reassigningToSomeoneWhoIsNotAMedicalReviewerIsRefusedNamingThem() throws Exception {
        platform.expect(HttpMethod.PUT, "/api/v1/articles/a-1/reviewers")
                .andExpect(content().json("""
                        {"reviewers": ["dr.kim", "eli.editor"]}
                        """, JsonCompareMode.STRICT))
                .andRespond(problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Only medical reviewers on the staff can review content.",
                        "reviewers[1]",
                        "'eli.editor' (Eli Evans) is not a medical reviewer"));

        mvc.perform(post("/articles/a-1/reviewers")
                        .with(eliEditor())
                        .with(csrf())
                        .param("reviewers", " dr.kim,eli.editor "))
                .andExpect(redirectedUrl("/articles/a-1"))
                .andExpect(flash().attribute(
                                "refused",
                                "Only medical reviewers on the staff can review content. "
                                        + "reviewers[1]: 'eli.editor' (Eli Evans) is not a medical reviewer"));
    }

    @Test
    void unpublishingSendsTheEditorsReason() throws Exception {
        platform.expect(HttpMethod.DELETE, "/api/v1/articles/a-1/publication")
                .andExpect(content().json("""
                        {"reason": "Superseded by the 2026 guideline."}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(draft("UNPUBLISHED", null, SECTIONS), MediaType.APPLICATION_JSON));

        mvc.perform(post("/articles/a-1/unpublication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("reason", "Superseded by the 2026 guideline."))
                .andExpect(redirectedUrl("/articles/a-1"))
                .andExpect(flash().attribute("done", "Unpublished: readers no longer see it."));
    }

    static final String WINTER_CAMPAIGN =
            "\"publishedUntil\": {\"at\": \"2027-03-31T23:00:00Z\", \"reason\": \"The winter campaign ends.\"}";

    static final String SECTIONS = """
            [{"type": "TEXT", "heading": "Why it pops", "body": "Gas bubbles in the joint fluid [1]."},
             {"type": "TEXT", "heading": "Is it harmful?", "body": "Rarely, if done gently [2]."}]
            """;

    /** The working copy as GET /api/v1/articles/drafts/{id} gives it to staff, with two references. */
    static String draft(String status, Integer liveRevision, String sections) {
        return """
                {"id": "a-1", "slug": "is-it-good-or-bad-to-crack-your-back", "status": "%s",
                 "content": {"title": "%s", "summary": "Usually harmless [1].", "sections": %s,
                             "references": [
                               {"number": 1, "title": "Real-time MRI of knuckle cracking",
                                "doi": "10.1371/journal.pone.0119470"},
                               {"number": 2, "title": "Adverse events of spinal manipulation",
                                "pubmedId": "25902522"}]},
                 "author": "ana.author", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao", "dr.kim"],
                 "awaiting": ["dr.rao"], "approvals": [], "submittedAt": "2026-12-01T10:00:00Z",
                 "liveRevision": %s, "scheduledFor": null, "publishedUntil": null,
                 "history": [{"at": "2026-12-01T10:00:00Z", "actor": "ana.author", "actorName": "Ana Alvarez",
                              "action": "SUBMITTED", "from": "DRAFT", "to": "IN_REVIEW", "notes": null}],
                 "version": 4}
                """.formatted(status, TITLE, sections, liveRevision);
    }
}
