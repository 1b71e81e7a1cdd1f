package com.healthcontent.exercises.exercise;

import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.StalledReviews;
import com.healthcontent.editorial.review.WorkflowRequests.PublicationRequest;
import com.healthcontent.editorial.review.WorkflowRequests.ReasonRequest;
import com.healthcontent.editorial.review.WorkflowRequests.ReviewRequest;
import com.healthcontent.editorial.review.WorkflowRequests.SubmissionRequest;
import com.healthcontent.editorial.review.WorkflowRequests.WithdrawalRequest;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import com.healthcontent.servicedefaults.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(
        name = "Exercises",
        description = "Exercise instructions with their doses, and their medical review and publication")
@RequestMapping("/api/v1/exercises")
class ExerciseController {

    private final ExerciseCatalog catalog;
    private final PublicExercises publicExercises;

    ExerciseController(ExerciseCatalog catalog, PublicExercises publicExercises) {
        this.catalog = catalog;
        this.publicExercises = publicExercises;
    }

    @GetMapping
    PagedResponse<ExerciseView> list(
            @RequestParam(required = false) BodyRegion bodyRegion,
            @RequestParam(required = false) Position position,
            @RequestParam(required = false) String equipment,
            @RequestParam(required = false) Difficulty difficulty,
            @RequestParam(required = false) @Min(1) @Max(86_400) Integer maxDurationSeconds,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var filter = new ExerciseFilter(bodyRegion, position, equipment, difficulty, maxDurationSeconds, q);
        var exercises = catalog.published(filter, Paging.of(page, size, Sort.by("content.name")));
        return PagedResponse.of(exercises, catalog.views(exercises.getContent()));
    }

    /** Revalidated on every use by browsers and CDNs, as an article page (a changed dose must show at once). */
    @GetMapping("/{slug}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    ResponseEntity<byte[]> bySlug(@PathVariable String slug, WebRequest request) {
        return publicExercises
                .exercise(slug)
                .respond(request, CacheControl.noCache().cachePublic());
    }

    /** The signed record that the exercise as readers get it is the version its reviewers approved. */
    @GetMapping("/{slug}/approval")
    ResponseEntity<RevisionViews.SignedApproval> approval(@PathVariable String slug, WebRequest request) {
        return catalog.approval(slug).response(request);
    }

    /** The caller's part of {@code GET /api/v1/me/reviews}, as article-service's {@code /articles/review-queue}. */
    @GetMapping("/review-queue")
    ResponseEntity<ReviewQueue.Page> reviewQueue(
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        var window = ReviewQueue.window(due);
        int pageSize = Paging.size(size);
        List<ReviewQueue.Item> items =
                catalog.reviewQueue(window, ReviewQueue.Cursor.parse(after), pageSize, actor).stream()
                        .map(exercise -> ExerciseView.queued(exercise, window != null))
                        .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ReviewQueue.page(items, pageSize));
    }

    /** Editors: exercises in review that wait on a reviewer who can no longer review (disabled, say), to reassign. */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping("/stalled-reviews")
    ResponseEntity<StalledReviews.Listing> stalledReviews(Actor actor) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new StalledReviews.Listing(catalog.stalledReviews(actor)));
    }

    @GetMapping("/drafts/{id}")
    ResponseEntity<ExerciseView> draft(@PathVariable String id, Actor actor) {
        return staffView(catalog.draft(id)); // actor: signed in (401); the role gate is the catalog's
    }

    @Operation(
            summary = "Create a draft exercise (AUTHOR, EDITOR)",
            description =
                    "Dose bounds: holdSeconds 1-600, repetitions 1-100 (min <= max), sets 1-10, frequency per DAY "
                            + "(1-24) or WEEK (1-50). The response includes the equivalent FHIR Timing. It reaches readers "
                            + "only after medical review: submission, reviews, publication.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"name": "Knees-to-chest rock", "summary": "Hug both knees in to ease a stiff lower back.",
             "bodyRegions": ["LOWER_BACK"], "position": "LYING_ON_BACK", "equipment": ["yoga mat"],
             "steps": ["Lie on your back on a yoga mat.", "Bring both knees to your chest and rock gently."],
             "dose": {"holdSeconds": 30, "repetitions": {"min": 1, "max": 1},
                      "frequency": {"min": 4, "max": 5, "per": "DAY"}},
             "precautions": ["Stop if the pain gets worse."]}""")))
    @ApiResponse(
            responseCode = "201",
            description = "Created: the draft, its ETag, and where it lives",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/exercises/drafts/{id}",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping
    ResponseEntity<ExerciseView> create(@Valid @RequestBody ExerciseRequest body, Actor actor) {
        Exercise exercise = catalog.create(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/exercises/drafts/" + exercise.id()))
                .eTag(Versions.etag(exercise.currentVersion()))
                .body(catalog.draftView(exercise));
    }

    @Operation(
            summary = "Change the working copy (its author, EDITOR); on a live exercise, a revision readers only "
                    + "see once it is approved and published")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PutMapping("/{id}")
    ResponseEntity<ExerciseView> update(
            @PathVariable String id,
            @Valid @RequestBody ExerciseRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Actor actor) {
        return staffView(catalog.update(id, body, ifMatch, actor));
    }

    @Operation(summary = "Submit for medical review (its author, EDITOR): DRAFT or CHANGES_REQUESTED to IN_REVIEW")
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PostMapping("/{id}/submission")
    ResponseEntity<ExerciseView> submit(
            @PathVariable String id, @Valid @RequestBody SubmissionRequest body, Actor actor) {
        return staffView(catalog.submit(id, body.reviewers(), actor));
    }

    @Operation(summary = "Review (an assigned MEDICAL_REVIEWER): APPROVED or CHANGES_REQUESTED")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/reviews")
    ResponseEntity<ExerciseView> review(@PathVariable String id, @Valid @RequestBody ReviewRequest body, Actor actor) {
        return staffView(catalog.review(id, body.approved(), body.notes(), actor));
    }

    @Operation(summary = "Withdraw from review (its author, EDITOR): IN_REVIEW to DRAFT")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/withdrawal")
    ResponseEntity<ExerciseView> withdraw(
            @PathVariable String id, @Valid @RequestBody(required = false) WithdrawalRequest body, Actor actor) {
        return staffView(catalog.withdraw(id, body == null ? null : body.reason(), actor));
    }

    @Operation(summary = "Replace the reviewers of a submission (EDITOR)")
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PutMapping("/{id}/reviewers")
    ResponseEntity<ExerciseView> reassign(
            @PathVariable String id, @Valid @RequestBody SubmissionRequest body, Actor actor) {
        return staffView(catalog.reassign(id, body.reviewers(), actor));
    }

    @Operation(
            summary = "Publish an approved exercise or revision (EDITOR): readers and embedding articles get it now;"
                    + " with {\"until\": ..., \"reason\": ...} it is retired then, with that reason")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/publication")
    ResponseEntity<ExerciseView> publish(
            @PathVariable String id, @Valid @RequestBody(required = false) PublicationRequest body, Actor actor) {
        return staffView(catalog.publish(id, PublicationRequest.immediate(body), actor));
    }

    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/retirement")
    ResponseEntity<ExerciseView> retire(@PathVariable String id, Actor actor) {
        return staffView(catalog.retire(id, actor));
    }

    /** A medical reviewer (or editor) flags the live exercise as needing review, e.g. after a reader's report. */
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/review-requests")
    ResponseEntity<ExerciseView> flag(@PathVariable String id, @Valid @RequestBody ReasonRequest body, Actor actor) {
        return staffView(catalog.flagForReview(id, body.reason(), actor));
    }

    private ResponseEntity<ExerciseView> staffView(Exercise exercise) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(exercise.currentVersion()))
                .cacheControl(CacheControl.noStore())
                .body(catalog.draftView(exercise));
    }
}
