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
 * A routine's review page: its exercises in order with the dose each has in it, the total time, what changed from
 * the live version (goal, which exercises, their doses), the history, the decision, and the editor's Publish.
 */
@ConsolePageTest
class RoutineReviewPageTest {

    static final String KNEES_TO_CHEST_DOSE = """
            {"holdSeconds": 30, "repetitions": {"min": 2, "max": 3}, "sets": null, "restSeconds": null,
             "frequency": {"min": 1, "max": 2, "per": "DAY"}}
            """;

    static final String CAT_COW_DOSE = """
            {"holdSeconds": null, "repetitions": {"min": 10, "max": 10}, "sets": 2, "restSeconds": 30,
             "frequency": {"min": 1, "max": 1, "per": "DAY"}}
            """;

    static final String LIVE_PELVIC_TILT_DOSE = """
            {"holdSeconds": 5, "repetitions": {"min": 5, "max": 8}, "sets": null, "restSeconds": null,
             "frequency": {"min": 3, "max": 5, "per": "WEEK"}}
            """;

    static final String REVISED_PELVIC_TILT_DOSE = """
            {"holdSeconds": 5, "repetitions": {"min": 8, "max": 10}, "sets": null, "restSeconds": null,
             "frequency": {"min": 3, "max": 5, "per": "WEEK"}}
            """;

    static final String CHILDS_POSE_DOSE = """
            {"holdSeconds": 60, "repetitions": {"min": 1, "max": 1}, "sets": null, "restSeconds": null,
             "frequency": null}
            """;

    /** The revision: cat-cow added second, the pelvic tilt one place down and held longer, child's pose gone. */
    static final String REVISED_STEPS = "["
            + step(1, "e-1", "knees-to-chest", "Knees to chest", KNEES_TO_CHEST_DOSE, 90) + ","
            + step(2, "e-2", "cat-cow", "Cat-cow", CAT_COW_DOSE, 130) + ","
            + step(3, "e-3", "pelvic-tilt", "Pelvic tilt", REVISED_PELVIC_TILT_DOSE, 50) + "]";

    static final String LIVE_STEPS = "["
            + step(1, "e-1", "knees-to-chest", "Knees to chest", KNEES_TO_CHEST_DOSE, 90) + ","
            + step(2, "e-3", "pelvic-tilt", "Pelvic tilt", LIVE_PELVIC_TILT_DOSE, 40) + ","
            + step(3, "e-4", "childs-pose", "Child’s pose", CHILDS_POSE_DOSE, 60) + "]";

    static final String IN_REVIEW_OF_LIVE_REVISION_2 = """
            {"status": "IN_REVIEW", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao", "dr.kim"],
             "awaiting": ["dr.rao"], "approvals": [], "submittedAt": "2026-12-01T10:00:00Z", "liveRevision": 2,
             "nextReviewDue": null, "scheduledFor": null,
             "history": [{"at": "2026-12-01T10:00:00Z", "actor": "ana.author", "actorName": "Ana Alvarez",
                          "action": "SUBMITTED", "from": "DRAFT", "to": "IN_REVIEW", "notes": null}]}
            """;

    static final String PUBLISHED_FOR_THE_WINTER = """
            {"status": "PUBLISHED", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao", "dr.kim"],
             "awaiting": [], "approvals": [], "liveRevision": 2, "nextReviewDue": null, "scheduledFor": null,
             "publishedUntil": {"at": "2027-03-31T23:00:00Z", "reason": "The winter campaign ends."},
             "history": []}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void theStepsAreShownInOrderWithTheirDosesAndWhatChangedFromTheLiveVersion() throws Exception {
        platform.answers(
                "/api/v1/routines/drafts/r-1",
                routine("Ease a stiff lower back in the morning.", REVISED_STEPS, 270, IN_REVIEW_OF_LIVE_REVISION_2));
        platform.answers(
                "/api/v1/routines/morning-back-routine", routine("Ease a stiff back.", LIVE_STEPS, 190, "null"));

        Document routine = page(mvc.perform(get("/routines/r-1").with(drRao())).andExpect(status().isOk()));

        assertThat(routine.title()).isEqualTo("Morning back routine · Reviewer console");
        assertThat(routine.select("h1").text()).isEqualTo("Morning back routine");
        assertThat(routine.select("article .status").text()).isEqualTo("IN REVIEW");
        assertThat(routine.select("article .summary").text())
                .isEqualTo("Goal: Ease a stiff lower back in the morning.");
        assertThat(routine.select("article .meta").eachText())
                .containsExactly(
                        "By Ana Alvarez · reviewers: dr.rao, dr.kim · awaiting dr.rao",
                        "Changed from the live version (revision 2): goal, exercises, doses.",
                        "Live goal: “Ease a stiff back.”.");

        assertThat(routine.select("#steps-heading").text()).isEqualTo("Exercises, in order changed");
        assertThat(routine.select("#total-duration").text()).isEqualTo("Total time: up to 4 min 30 s");
        assertThat(routine.select("ol.steps > li h3").eachText())
                .containsExactly("Knees to chest unchanged", "Cat-cow new", "Pelvic tilt changed");
        assertThat(routine.select("ol.steps > li h3 a").eachAttr("href"))
                .containsExactly("/exercises/e-1", "/exercises/e-2", "/exercises/e-3");

        Element kneesToChest = routine.selectFirst("ol.steps > li.unchanged");
        assertThat(kneesToChest.select(".dose").text()).isEqualTo("hold 30 s · 2–3 times · 1–2 a day");
        assertThat(kneesToChest.select(".meta").text())
                .as("still the first step")
                .isEqualTo("Up to 1 min 30 s");
        Element catCow = routine.selectFirst("ol.steps > li.new");
        assertThat(catCow.select(".dose").text()).isEqualTo("10 times · 2 sets · 30 s rest between sets · 1 a day");
        assertThat(catCow.select(".side-by-side"))
                .as("nothing to compare a new step with")
                .isEmpty();
        Element pelvicTilt = routine.selectFirst("ol.steps > li.changed");
        assertThat(pelvicTilt.select(".side-by-side > div").eachText())
                .containsExactly(
                        "Live dose hold 5 s · 5–8 times · 3–5 a week",
                        "Revision dose hold 5 s · 8–10 times · 3–5 a week");
        assertThat(pelvicTilt.select("p.meta").text()).isEqualTo("Up to 50 s · was step 2 in the live version");

        assertThat(routine.select("#removed-heading").text()).isEqualTo("Taken out since the live version");
        assertThat(routine.select(".removed-steps li").eachText()).containsExactly("Child’s pose (was step 3)");
        assertThat(routine.select(".history li").eachText())
                .containsExactly("2026-12-01T10:00:00Z · Ana Alvarez: SUBMITTED");

        Element decision = routine.selectFirst("section.decision form");
        assertThat(decision.attr("action")).isEqualTo("/routines/r-1/review");
        assertThat(decision.attr("method")).isEqualTo("post");
        assertThat(decision.select("label[for=notes]").text()).startsWith("Notes for the author");
        assertThat(decision.select("textarea#notes")).hasSize(1);
        assertThat(decision.select("button[name=outcome]").eachAttr("value"))
                .containsExactly("APPROVED", "CHANGES_REQUESTED");
        assertThat(routine.select("#editor-heading"))
                .as("publishing is an editor's step, and the routine is not approved")
                .isEmpty();
        assertThat(routine.select("h1")).hasSize(1);
        assertHeadingsNeverSkipALevel(routine);
        assertThat(routine.select("#published-until"))
                .as("no period: live until someone unpublishes it")
                .isEmpty();
    }

    @Test
    void aPublicationForALimitedTimeSaysUntilWhenAndWhy() throws Exception {
        platform.answers(
                "/api/v1/routines/drafts/r-1",
                routine("Ease a stiff back.", LIVE_STEPS, 190, PUBLISHED_FOR_THE_WINTER));
        platform.answers(
                "/api/v1/routines/morning-back-routine", routine("Ease a stiff back.", LIVE_STEPS, 190, "null"));

        Document routine = page(mvc.perform(get("/routines/r-1").with(drRao())).andExpect(status().isOk()));

        assertThat(routine.select("article #published-until").text())
                .isEqualTo("Published until 31 March 2027, 23:00 UTC: The winter campaign ends.");
        assertThat(routine.select("#published-until time").attr("datetime")).isEqualTo("2027-03-31T23:00:00Z");
    }

    @Test
    void anEditorPublishesARoutineUntilADate() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/routines/r-1/publication")
                .andExpect(content().json("""
                        {"until": "2027-03-31T23:00:00Z", "reason": "The winter campaign ends."}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(
                        routine("Ease a stiff back.", LIVE_STEPS, 190, PUBLISHED_FOR_THE_WINTER),
                        MediaType.APPLICATION_JSON));

        mvc.perform(post("/routines/r-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("until", "2027-03-31T23:00")
                        .param("reason", "The winter campaign ends."))
                .andExpect(redirectedUrl("/routines/r-1"))
                .andExpect(flash().attribute("done", "Published."));
    }

    @Test
    void aPastTakeDownTimeIsRefusedByThePlatformAndExplainedOnTheRoutinePage() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/routines/r-1/publication")
                .andExpect(content().json("""
                        {"until": "2020-01-01T08:00:00Z", "reason": "The winter campaign ends."}
                        """, JsonCompareMode.STRICT))
                .andRespond(problem(
                        HttpStatus.BAD_REQUEST, "The request has invalid fields.", "until", "must be in the future"));
        platform.answers(
                "/api/v1/routines/drafts/r-1",
                routine(
                        "Ease a stiff back.",
                        REVISED_STEPS,
                        270,
                        IN_REVIEW_OF_LIVE_REVISION_2.replace("\"status\": \"IN_REVIEW\"", "\"status\": \"APPROVED\"")));
        platform.answers(
                "/api/v1/routines/morning-back-routine", routine("Ease a stiff back.", LIVE_STEPS, 190, "null"));

        ResultActions refused = mvc.perform(post("/routines/r-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("until", "2020-01-01T08:00")
                        .param("reason", "The winter campaign ends."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/routines/r-1"));

        Document routine =
                page(mvc.perform(followRedirect(refused).with(eliEditor())).andExpect(status().isOk()));
        assertThat(routine.select(".notice.refused[role=alert]").text())
                .isEqualTo("The request has invalid fields. until: must be in the future");
    }

    @Test
    void aRoutineNeverPublishedIsAllNewAndNoLiveVersionIsAskedFor() throws Exception {
        platform.answers(
                "/api/v1/routines/drafts/r-1",
                routine(
                        "Ease a stiff lower back in the morning.",
                        REVISED_STEPS,
                        270,
                        IN_REVIEW_OF_LIVE_REVISION_2.replace("\"liveRevision\": 2", "\"liveRevision\": null")));

        Document routine = page(mvc.perform(get("/routines/r-1").with(drRao())).andExpect(status().isOk()));

        assertThat(routine.select("article .meta").last().text()).isEqualTo("Not live yet: everything is new.");
        assertThat(routine.select("ol.steps > li h3").eachText())
                .as("no step is tagged: all of them are new")
                .containsExactly("Knees to chest", "Cat-cow", "Pelvic tilt");
        assertThat(routine.select("ol.steps .dose").eachText())
                .containsExactly(
                        "hold 30 s · 2–3 times · 1–2 a day",
                        "10 times · 2 sets · 30 s rest between sets · 1 a day",
                        "hold 5 s · 8–10 times · 3–5 a week");
        assertThat(routine.select(".side-by-side, #removed-heading")).isEmpty();
    }

    @Test
    void approvingARoutineSendsTheDecisionToTheRoutinesReviews() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/routines/r-1/reviews")
                .andExpect(content().json("""
                        {"outcome": "APPROVED", "notes": "Doses match the exercise pages."}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(
                        routine(
                                "Ease a stiff lower back in the morning.",
                                REVISED_STEPS,
                                270,
                                IN_REVIEW_OF_LIVE_REVISION_2.replace("IN_REVIEW", "APPROVED")),
                        MediaType.APPLICATION_JSON));

        mvc.perform(post("/routines/r-1/review")
                        .with(drRao())
                        .with(csrf())
                        .param("outcome", "APPROVED")
                        .param("notes", "Doses match the exercise pages."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("done", "You approved “Morning back routine”."));
    }

    @Test
    void anEditorPublishesAnApprovedRoutine() throws Exception {
        String approved = IN_REVIEW_OF_LIVE_REVISION_2
                .replace("\"status\": \"IN_REVIEW\"", "\"status\": \"APPROVED\"")
                .replace("\"awaiting\": [\"dr.rao\"]", "\"awaiting\": []");
        platform.answers(
                "/api/v1/routines/drafts/r-1",
                routine("Ease a stiff lower back in the morning.", REVISED_STEPS, 270, approved));
        platform.answers(
                "/api/v1/routines/morning-back-routine", routine("Ease a stiff back.", LIVE_STEPS, 190, "null"));
        platform.expect(HttpMethod.POST, "/api/v1/routines/r-1/publication")
                .andExpect(content().json("{}", JsonCompareMode.STRICT))
                .andRespond(withSuccess(
                        routine("Ease a stiff lower back in the morning.", REVISED_STEPS, 270, approved),
                        MediaType.APPLICATION_JSON));

        Document routine =
                page(mvc.perform(get("/routines/r-1").with(eliEditor())).andExpect(status().isOk()));
        assertThat(routine.select("#editor-heading").text()).isEqualTo("Editor");
        assertThat(routine.select("form[action=/routines/r-1/publication] button")
                        .text())
                .isEqualTo("Publish");
        assertThat(routine.select("form[action=/routines/r-1/publication] input#until")
                        .attr("type"))
                .isEqualTo("datetime-local");
        assertThat(routine.select("section.decision"))
                .as("an editor does not decide")
                .isEmpty();

        // the form as a browser sends it, the take-down time left empty: published for good
        mvc.perform(post("/routines/r-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("until", "")
                        .param("reason", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/routines/r-1"))
                .andExpect(flash().attribute("done", "Published."));
    }

    @Test
    void aPublicationThePlatformRefusesIsExplainedOnTheRoutinePage() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/routines/r-1/publication")
                .andRespond(problem(HttpStatus.CONFLICT, "The routine is IN_REVIEW, not APPROVED."));

        mvc.perform(post("/routines/r-1/publication").with(eliEditor()).with(csrf()))
                .andExpect(redirectedUrl("/routines/r-1"))
                .andExpect(flash().attribute("refused", "The routine is IN_REVIEW, not APPROVED."));
    }

    /** h1, then h2, h3... each heading at most one level below the one before it, as a screen reader lists them. */
    static void assertHeadingsNeverSkipALevel(Document page) {
        int previous = 0;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(heading.tagName().substring(1));
            assertThat(level)
                    .as("“%s” comes after a heading of level %d", heading.text(), previous)
                    .isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
    }

    static String step(int position, String exerciseId, String slug, String name, String dose, int seconds) {
        return """
                {"position": %d, "exerciseId": "%s", "slug": "%s", "name": "%s", "dose": %s, "durationSeconds": %d}
                """.formatted(position, exerciseId, slug, name, dose, seconds);
    }

    /** A routine as the API gives it: to staff with its workflow, to readers (the live version) without. */
    static String routine(String goal, String steps, int totalSeconds, String workflow) {
        return """
                {"id": "r-1", "slug": "morning-back-routine", "name": "Morning back routine", "goal": "%s",
                 "status": "IN_REVIEW", "exercises": %s, "totalDurationSeconds": %d,
                 "publishedAt": "2026-10-01T08:00:00Z", "lastPublishedAt": "2026-11-02T08:00:00Z", "revision": 2,
                 "reviewedBy": [{"reviewer": "dr.kim", "name": "Dr. Min Kim", "credentials": "MD",
                                 "reviewedAt": "2026-11-01T12:00:00Z"}],
                 "workflow": %s, "version": 7}
                """.formatted(goal, steps, totalSeconds, workflow);
    }
}
