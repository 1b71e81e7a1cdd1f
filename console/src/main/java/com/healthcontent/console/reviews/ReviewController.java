package com.healthcontent.console.reviews;

import com.healthcontent.console.platform.ApiRefusal;
import com.healthcontent.console.platform.PlatformApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * An article's review page: the revision beside the live version section by section, its references and citation
 * check, its history, and the reviewer's decision (approve, or request changes with notes). Editors find the steps
 * that are theirs on the same page: publish or schedule an approved article, unpublish with a reason, reassign the
 * reviewers of one in review. Exercises and routines have their review pages here too, and all three a history of
 * their published versions.
 */
@Controller
class ReviewController {

    /** The kinds of content with a history, as the console's paths and the API's name them, and in words. */
    private static final Map<String, String> NOUNS =
            Map.of("articles", "article", "exercises", "exercise", "routines", "routine");

    private final PlatformApi api;

    ReviewController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable String id, Model model) {
        JsonNode draft = api.get(uri -> uri.path("/api/v1/articles/drafts/{id}").build(id));
        JsonNode content = draft.path("content");
        JsonNode live = liveVersion(draft, "/api/v1/articles/{slug}", draft);
        List<Comparison.Section> revision = sections(content.path("sections"));
        List<String> texts =
                new ArrayList<>(revision.stream().map(Comparison.Section::body).toList());
        texts.add(content.path("summary").asString(""));
        Set<Integer> references = new TreeSet<>();
        content.path("references")
                .forEach(reference -> references.add(reference.path("number").asInt()));
        model.addAttribute("draft", PlatformApi.plain(draft));
        model.addAttribute("content", PlatformApi.plain(content));
        model.addAttribute("live", PlatformApi.plain(live));
        model.addAttribute("publishedUntil", PublishedUntil.of(draft.path("publishedUntil")));
        model.addAttribute(
                "sections", Comparison.sections(revision, live == null ? List.of() : sections(live.path("sections"))));
        model.addAttribute("citations", Comparison.citations(texts, references));
        return "article";
    }

    /**
     * An exercise's review page: what readers will be told to do (steps, dose, precautions), beside the live version
     * when there is one, and the same decision.
     */
    @GetMapping("/exercises/{id}")
    String exercise(@PathVariable String id, Model model) {
        JsonNode draft =
                api.get(uri -> uri.path("/api/v1/exercises/drafts/{id}").build(id));
        JsonNode workflow = draft.path("workflow");
        JsonNode live = liveVersion(workflow, "/api/v1/exercises/{slug}", draft);
        model.addAttribute("exercise", PlatformApi.plain(draft));
        model.addAttribute("workflow", PlatformApi.plain(workflow));
        model.addAttribute("live", PlatformApi.plain(live));
        model.addAttribute("publishedUntil", PublishedUntil.of(workflow.path("publishedUntil")));
        model.addAttribute("changes", exerciseChanges(draft, live));
        return "exercise";
    }

    @PostMapping("/exercises/{id}/publication")
    String publishExercise(
            @PathVariable String id,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(
                redirect,
                "/exercises/" + id,
                () -> {
                    api.post("/api/v1/exercises/{id}/publication", publication(null, until, reason), id);
                    return "Published.";
                },
                "/exercises/" + id);
    }

    /**
     * A routine's review page: its exercises in order, each with the dose that applies in it, and the total time;
     * beside the live version when there is one (name, goal, which exercises in which order, their doses), the
     * history, and the same decision.
     */
    @GetMapping("/routines/{id}")
    String routine(@PathVariable String id, Model model) {
        JsonNode draft = api.get(uri -> uri.path("/api/v1/routines/drafts/{id}").build(id));
        JsonNode workflow = draft.path("workflow");
        JsonNode live = liveVersion(workflow, "/api/v1/routines/{slug}", draft);
        List<Comparison.Step> revisionSteps = steps(draft.path("exercises"));
        List<Comparison.StepChange> steps =
                Comparison.steps(revisionSteps, live == null ? List.of() : steps(live.path("exercises")));
        model.addAttribute("routine", PlatformApi.plain(draft));
        model.addAttribute("workflow", PlatformApi.plain(workflow));
        model.addAttribute("live", PlatformApi.plain(live));
        model.addAttribute("publishedUntil", PublishedUntil.of(workflow.path("publishedUntil")));
        model.addAttribute("changes", routineChanges(draft, live, steps));
        model.addAttribute(
                "steps",
                steps.stream()
                        .filter(step -> step.change() != Comparison.Change.REMOVED)
                        .toList());
        model.addAttribute(
                "removedSteps",
                steps.stream()
                        .filter(step -> step.change() == Comparison.Change.REMOVED)
                        .toList());
        model.addAttribute(
                "totalDuration",
                Comparison.duration(draft.path("totalDurationSeconds").asInt()));
        return "routine";
    }

    @PostMapping("/routines/{id}/publication")
    String publishRoutine(
            @PathVariable String id,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(
                redirect,
                "/routines/" + id,
                () -> {
                    api.post("/api/v1/routines/{id}/publication", publication(null, until, reason), id);
                    return "Published.";
                },
                "/routines/" + id);
    }

    /**
     * Which parts of the routine differ from the live version (all of them when it is not live yet): its name, its
     * goal, its exercises (which ones, in which order), their doses.
     */
    private static List<String> routineChanges(JsonNode draft, JsonNode live, List<Comparison.StepChange> steps) {
        if (live == null) {
            return List.of("name", "goal", "exercises", "doses");
        }
        List<String> changed = new ArrayList<>();
        for (String part : List.of("name", "goal")) {
            if (!draft.path(part).equals(live.path(part))) {
                changed.add(part);
            }
        }
        if (steps.stream()
                .anyMatch(step -> step.change() == Comparison.Change.NEW
                        || step.change() == Comparison.Change.REMOVED
                        || step.moved())) {
            changed.add("exercises");
        }
        if (steps.stream().anyMatch(step -> step.change() == Comparison.Change.CHANGED)) {
            changed.add("doses");
        }
        return changed;
    }

    private static List<Comparison.Step> steps(JsonNode exercises) {
        List<Comparison.Step> list = new ArrayList<>();
        exercises.forEach(step -> list.add(new Comparison.Step(
                step.path("exerciseId").asString(""),
                step.path("name").asString(""),
                PlatformApi.plain(step.path("dose")),
                step.path("durationSeconds").asInt())));
        return list;
    }

    /** What readers get now, when the workflow says a revision is live (null otherwise, or if it went meanwhile). */
    private JsonNode liveVersion(JsonNode workflow, String publicPath, JsonNode draft) {
        return workflow.hasNonNull("liveRevision")
                ? api.getIfPresent(
                        uri -> uri.path(publicPath).build(draft.path("slug").asString()))
                : null;
    }

    /** Which parts of the exercise differ from the live version (all of them when it is not live yet). */
    private static List<String> exerciseChanges(JsonNode draft, JsonNode live) {
        List<String> changed = new ArrayList<>();
        for (String part : List.of(
                "name",
                "summary",
                "steps",
                "dose",
                "precautions",
                "contraindications",
                "whenToSeeSpecialist",
                "media")) {
            if (live == null || !draft.path(part).equals(live.path(part))) {
                changed.add(part);
            }
        }
        return changed;
    }

    /** A reviewer's decision on an article, an exercise or a routine: the same step on each. */
    @PostMapping("/{kind:articles|exercises|routines}/{id}/review")
    String decide(
            @PathVariable String kind,
            @PathVariable String id,
            @RequestParam String outcome,
            @RequestParam(required = false) String notes,
            RedirectAttributes redirect) {
        return step(
                redirect,
                "/" + kind + "/" + id,
                () -> {
                    JsonNode decided = api.post(
                            "/api/v1/" + kind + "/{id}/reviews",
                            notes == null || notes.isBlank()
                                    ? Map.of("outcome", outcome)
                                    : Map.of("outcome", outcome, "notes", notes),
                            id);
                    return (outcome.equals("APPROVED") ? "You approved " : "You asked for changes to ") + "“"
                            + titleOf(decided, "") + "”.";
                },
                "/");
    }

    @PostMapping("/articles/{id}/publication")
    String publish(
            @PathVariable String id,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(
                redirect,
                "/articles/" + id,
                () -> {
                    JsonNode done = api.post("/api/v1/articles/{id}/publication", publication(at, until, reason), id);
                    return done.path("scheduledFor").isNull()
                                    || done.path("scheduledFor").isMissingNode()
                            ? "Published."
                            : "Scheduled for " + done.path("scheduledFor").asString() + ".";
                },
                "/articles/" + id);
    }

    /**
     * A publication's body: each field only when filled. A reason without a take-down time (or the reverse) is sent
     * as it is, for the API to name what is missing, rather than publishing for good what was meant to end.
     */
    private static Map<String, String> publication(String at, String until, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        if (at != null && !at.isBlank()) {
            body.put("at", at);
        }
        if (until != null && !until.isBlank()) {
            body.put("until", PublishedUntil.instant(until));
        }
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason);
        }
        return body;
    }

    @PostMapping("/articles/{id}/unpublication")
    String unpublish(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return step(
                redirect,
                "/articles/" + id,
                () -> {
                    api.delete("/api/v1/articles/{id}/publication", Map.of("reason", reason), id);
                    return "Unpublished: readers no longer see it.";
                },
                "/articles/" + id);
    }

    /** Editors give content in review to other reviewers (one who left, say: the desk lists what waits on them). */
    @PostMapping("/{kind:articles|exercises|routines}/{id}/reviewers")
    String reassign(
            @PathVariable String kind,
            @PathVariable String id,
            @RequestParam String reviewers,
            RedirectAttributes redirect) {
        List<String> names = List.of(reviewers.split("[,\\s]+")).stream()
                .filter(name -> !name.isBlank())
                .toList();
        return step(
                redirect,
                "/" + kind + "/" + id,
                () -> {
                    api.put("/api/v1/{kind}/{id}/reviewers", Map.of("reviewers", names), kind, id);
                    return "Reviewers now: " + String.join(", ", names) + ".";
                },
                "/" + kind + "/" + id);
    }

    /**
     * An article's, exercise's or routine's published versions, newest first: when and by whom each was published,
     * who approved it (with their credentials and notes) and its digest, each to compare with the one before it;
     * editors and authors may restore one as the working copy.
     */
    @GetMapping("/{kind:articles|exercises|routines}/{id}/history")
    String history(@PathVariable String kind, @PathVariable String id, Model model) {
        describe(kind, id, model);
        JsonNode revisions =
                api.get(uri -> uri.path("/api/v1/" + kind + "/{id}/revisions").build(id));
        model.addAttribute("revisions", PlatformApi.plain(revisions));
        return "history";
    }

    /** What changed from one published version to another, part by part. */
    @GetMapping("/{kind:articles|exercises|routines}/{id}/history/diff")
    String historyDiff(
            @PathVariable String kind,
            @PathVariable String id,
            @RequestParam int from,
            @RequestParam int to,
            Model model) {
        describe(kind, id, model);
        JsonNode diff = api.get(uri -> uri.path("/api/v1/" + kind + "/{id}/revisions/diff")
                .queryParam("from", from)
                .queryParam("to", to)
                .build(id));
        List<RevisionChange> changes = new ArrayList<>();
        diff.path("changes").forEach(change -> changes.add(RevisionChange.of(change)));
        model.addAttribute("from", diff.path("from").asInt(from));
        model.addAttribute("to", diff.path("to").asInt(to));
        model.addAttribute("changes", changes);
        return "diff";
    }

    /** A published version becomes the working copy again (a draft, to go through review again). */
    @PostMapping("/{kind:articles|exercises|routines}/{id}/history/{number}/restoration")
    String restore(
            @PathVariable String kind, @PathVariable String id, @PathVariable int number, RedirectAttributes redirect) {
        return step(
                redirect,
                "/" + kind + "/" + id + "/history",
                () -> {
                    JsonNode draft =
                            api.post("/api/v1/" + kind + "/{id}/revisions/{number}/restoration", null, id, number);
                    return "Version " + number + " of “" + titleOf(draft, "the " + NOUNS.get(kind))
                            + "” is now the working copy; it goes through review again.";
                },
                "/" + kind + "/" + id);
    }

    /** What the history pages say they are about: the kind in words, and the working copy's id and title. */
    private void describe(String kind, String id, Model model) {
        JsonNode draft =
                api.get(uri -> uri.path("/api/v1/" + kind + "/drafts/{id}").build(id));
        model.addAttribute("kind", kind);
        model.addAttribute("noun", NOUNS.get(kind));
        model.addAttribute("id", draft.path("id").asString(id));
        model.addAttribute("title", titleOf(draft, ""));
    }

    /** An article's title, an exercise's or a routine's name, as the API gives each. */
    private static String titleOf(JsonNode item, String otherwise) {
        return item.path("content").path("title").asString(item.path("name").asString(otherwise));
    }

    /** Runs a workflow step; its refusal is shown on the page the step came from, its success where it leads. */
    private static String step(
            RedirectAttributes redirect, String from, java.util.function.Supplier<String> step, String to) {
        try {
            redirect.addFlashAttribute("done", step.get());
            return "redirect:" + to;
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
            return "redirect:" + from;
        }
    }

    private static List<Comparison.Section> sections(JsonNode sections) {
        List<Comparison.Section> list = new ArrayList<>();
        sections.forEach(section -> list.add(new Comparison.Section(
                section.path("heading").asString(""), section.path("body").asString(""))));
        return list;
    }
}
