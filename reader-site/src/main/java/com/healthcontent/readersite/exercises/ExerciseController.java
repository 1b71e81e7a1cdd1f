package com.healthcontent.readersite.exercises;

import com.healthcontent.readersite.ReaderSiteProperties;
import com.healthcontent.readersite.feedback.FeedbackPanel;
import com.healthcontent.readersite.platform.PublicApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Exercises and routines as readers do them: the page to read, and the guided session to follow step by step. */
@Controller
class ExerciseController {

    private static final String SLUG = "{slug:[a-z0-9-]{1,120}}";

    private final PublicApi api;
    private final ReaderSiteProperties site;

    ExerciseController(PublicApi api, ReaderSiteProperties site) {
        this.api = api;
        this.site = site;
    }

    @GetMapping("/exercises/" + SLUG)
    String exercise(
            @PathVariable String slug,
            @RequestParam(name = "feedback", required = false) String feedback,
            Model model) {
        Exercise exercise = api.get(Exercise.class, "/api/v1/exercises/{slug}", slug);
        model.addAttribute("exercise", exercise);
        model.addAttribute("canonical", site.absolute("/exercises/" + slug));
        model.addAttribute(
                "feedback", FeedbackPanel.of("EXERCISE", exercise.id(), "/exercises/" + slug, feedback, "exercise"));
        return "exercise";
    }

    @GetMapping("/routines/" + SLUG)
    String routine(@PathVariable String slug, Model model) {
        model.addAttribute("routine", api.get(Routine.class, "/api/v1/routines/{slug}", slug));
        model.addAttribute("canonical", site.absolute("/routines/" + slug));
        return "routine";
    }

    @GetMapping("/exercises/" + SLUG + "/session")
    String exerciseSession(@PathVariable String slug, Model model) {
        return session(
                model, api.get(SessionPlan.class, "/api/v1/exercises/{slug}/session", slug), "/exercises/" + slug);
    }

    @GetMapping("/routines/" + SLUG + "/session")
    String routineSession(@PathVariable String slug, Model model) {
        return session(model, api.get(SessionPlan.class, "/api/v1/routines/{slug}/session", slug), "/routines/" + slug);
    }

    private String session(Model model, SessionPlan plan, String page) {
        model.addAttribute("plan", plan);
        model.addAttribute("back", page);
        model.addAttribute("canonical", site.absolute(page + "/session"));
        return "session";
    }
}
