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

/** An exercise's review page: what readers will be told to do, what changed from the live version, the decision. */
@ConsolePageTest
class ExerciseReviewPageTest {

    static final String LIVE_STEPS = """
            ["Lie on your back.", "Bring both knees to your chest."]
            """;

    static final String REVISED_STEPS = """
            ["Lie on your back with your knees bent.", "Bring both knees to your chest.", "Lower them slowly."]
            """;

    static final String APPROVED = """
            {"status": "APPROVED", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao"],
             "awaiting": [], "liveRevision": null, "history": []}
            """;

    static final String PUBLISHED_FOR_THE_WINTER = """
            {"status": "PUBLISHED", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao"],
             "awaiting": [], "liveRevision": 1, "history": [],
             "publishedUntil": {"at": "2027-03-31T23:00:00Z", "reason": "The winter campaign ends."}}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void theStepsThatChangedAreShownBesideTheLiveOnesWithTheDose() throws Exception {
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, """
                {"status": "IN_REVIEW", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao"],
                 "awaiting": ["dr.rao"], "liveRevision": 2, "history": []}
                """));
        platform.answers("/api/v1/exercises/knees-to-chest", exercise(LIVE_STEPS, "null"));

        Document exercise =
                page(mvc.perform(get("/exercises/e-1").with(drRao())).andExpect(status().isOk()));

        assertThat(exercise.select("h1").text()).isEqualTo("Knees to chest");
        assertThat(exercise.select("article .meta").eachText())
                .containsExactly("By Ana Alvarez · reviewers: dr.rao", "Changed from the live version: steps.");
        assertThat(exercise.select("#steps-heading").text()).isEqualTo("Steps changed");
        assertThat(exercise.select(".side-by-side > div").eachText())
                .containsExactly(
                        "Live Lie on your back. Bring both knees to your chest.",
                        "Revision Lie on your back with your knees bent. Bring both knees to your chest. Lower them slowly.");
        assertThat(exercise.select("h3:contains(Dose) + p").text()).isEqualTo("hold 30 s · 2–3 times · 1–2 a day");
        assertThat(exercise.select("h3:contains(Dose) .tag"))
                .as("the dose is as it was")
                .isEmpty();
        assertThat(exercise.select("section.decision form").attr("action")).isEqualTo("/exercises/e-1/review");
        assertThat(exercise.select("#published-until"))
                .as("no period: live until retired")
                .isEmpty();
    }

    @Test
    void aPublicationForALimitedTimeSaysUntilWhenAndWhy() throws Exception {
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(LIVE_STEPS, PUBLISHED_FOR_THE_WINTER));
        platform.answers("/api/v1/exercises/knees-to-chest", exercise(LIVE_STEPS, "null"));

        Document exercise =
                page(mvc.perform(get("/exercises/e-1").with(drRao())).andExpect(status().isOk()));

        assertThat(exercise.select("article #published-until").text())
                .isEqualTo("Published until 31 March 2027, 23:00 UTC: The winter campaign ends.");
    }

    @Test
    void anEditorGivesAnExerciseInReviewToAnotherReviewer() throws Exception {
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, """
                {"status": "IN_REVIEW", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.gone"],
                 "awaiting": ["dr.gone"], "liveRevision": null, "history": []}
                """));
        platform.expect(HttpMethod.PUT, "/api/v1/exercises/e-1/reviewers")
                .andExpect(content().json("{\"reviewers\": [\"dr.rao\", \"dr.kim\"]}", JsonCompareMode.STRICT))
                .andRespond(withSuccess(exercise(REVISED_STEPS, APPROVED), MediaType.APPLICATION_JSON));

        Document exercise =
                page(mvc.perform(get("/exercises/e-1").with(eliEditor())).andExpect(status().isOk()));
        Element form = exercise.selectFirst("form[action=/exercises/e-1/reviewers]");
        assertThat(form.select("input#reviewers").attr("value")).isEqualTo("dr.gone");
        assertThat(form.select("label[for=reviewers]").text())
                .isEqualTo("Medical reviewers (usernames, comma-separated)");

        mvc.perform(post("/exercises/e-1/reviewers")
                        .with(eliEditor())
                        .with(csrf())
                        .param("reviewers", "dr.rao, dr.kim"))
                .andExpect(redirectedUrl("/exercises/e-1"))
                .andExpect(flash().attribute("done", "Reviewers now: dr.rao, dr.kim."));
    }

    @Test
    void anEditorPublishesAnExerciseUntilADate() throws Exception {
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, APPROVED));
        platform.expect(HttpMethod.POST, "/api/v1/exercises/e-1/publication")
                .andExpect(content().json("""
                        {"until": "2027-03-31T23:00:00Z", "reason": "The winter campaign ends."}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(exercise(REVISED_STEPS, PUBLISHED_FOR_THE_WINTER), MediaType.APPLICATION_JSON));

        Document exercise =
                page(mvc.perform(get("/exercises/e-1").with(eliEditor())).andExpect(status().isOk()));
        Element form = exercise.selectFirst("form[action=/exercises/e-1/publication]");
        assertThat(form.select("input#until").attr("type")).isEqualTo("datetime-local");
        assertThat(form.select("label[for=until]").text()).isEqualTo("Take down on (optional, UTC)");
        assertThat(form.select("input#until-reason").attr("name")).isEqualTo("reason");

        mvc.perform(post("/exercises/e-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("until", "2027-03-31T23:00")
                        .param("reason", "The winter campaign ends."))
                .andExpect(redirectedUrl("/exercises/e-1"))
                .andExpect(flash().attribute("done", "Published."));
    }

    @Test
    void anEmptyTakeDownTimePublishesTheExerciseForGood() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/exercises/e-1/publication")
                .andExpect(content().json("{}", JsonCompareMode.STRICT))
                .andRespond(withSuccess(exercise(REVISED_STEPS, APPROVED), MediaType.APPLICATION_JSON));

        mvc.perform(post("/exercises/e-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("until", "")
                        .param("reason", ""))
                .andExpect(redirectedUrl("/exercises/e-1"))
                .andExpect(flash().attribute("done", "Published."));
    }

    @Test
    void aReasonWithoutATakeDownTimeIsRefusedByThePlatformAndExplainedOnTheExercisePage() throws Exception {
        // sent as typed: dropping the reason would publish for good what the editor meant to end
        platform.expect(HttpMethod.POST, "/api/v1/exercises/e-1/publication")
                .andExpect(content().json("""
                        {"reason": "The winter campaign ends."}
                        """, JsonCompareMode.STRICT))
                .andRespond(problem(
                        HttpStatus.BAD_REQUEST,
                        "The request has invalid fields.",
                        "until",
                        "a reason is given only with the time it applies from"));
        platform.answers("/api/v1/exercises/drafts/e-1", exercise(REVISED_STEPS, APPROVED));

        ResultActions refused = mvc.perform(post("/exercises/e-1/publication")
                        .with(eliEditor())
                        .with(csrf())
                        .param("until", "")
                        .param("reason", "The winter campaign ends."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/exercises/e-1"));

        Document exercise =
                page(mvc.perform(followRedirect(refused).with(eliEditor())).andExpect(status().isOk()));
        assertThat(exercise.select(".notice.refused[role=alert]").text())
                .isEqualTo(
                        "The request has invalid fields. until: a reason is given only with the time it applies from");
    }

    @Test
    void approvingAnExerciseSendsTheDecisionToTheExercisesReviews() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/exercises/e-1/reviews")
                .andExpect(content().json("""
                        {"outcome": "APPROVED"}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(exercise(REVISED_STEPS, """
                        {"status": "APPROVED", "authorName": "Ana Alvarez", "medicalReviewers": ["dr.rao"],
                         "awaiting": [], "liveRevision": 2, "history": []}
                        """), MediaType.APPLICATION_JSON));

        mvc.perform(post("/exercises/e-1/review").with(drRao()).with(csrf()).param("outcome", "APPROVED"))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("done", "You approved “Knees to chest”."));
    }

    /** An exercise as the API gives it: to staff with its workflow, to readers (the live version) without. */
    static String exercise(String steps, String workflow) {
        return """
                {"id": "e-1", "slug": "knees-to-chest", "name": "Knees to chest",
                 "summary": "Eases a stiff lower back.", "steps": %s,
                 "dose": {"holdSeconds": 30, "repetitions": {"min": 2, "max": 3}, "sets": null, "restSeconds": null,
                          "frequency": {"min": 1, "max": 2, "per": "DAY"}},
                 "precautions": ["Stop if it hurts."], "contraindications": [],
                 "whenToSeeSpecialist": "Pain running down a leg.", "media": [], "author": "ana.author",
                 "workflow": %s}
                """.formatted(steps, workflow);
    }
}
