package com.healthcontent.exercises.routine;

import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.StalledReviews;
import com.healthcontent.editorial.review.WorkflowRequests.PublicationRequest;
import com.healthcontent.editorial.review.WorkflowRequests.ReasonRequest;
import com.healthcontent.editorial.review.WorkflowRequests.ReviewRequest;
import com.healthcontent.editorial.review.WorkflowRequests.SubmissionRequest;
import com.healthcontent.editorial.review.WorkflowRequests.WithdrawalRequest;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import com.healthcontent.servicedefaults.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
        name = "Routines",
        description = "Ordered exercises with optional dose overrides, medically reviewed like exercises")
@RequestMapping("/api/v1/routines")
class RoutineController {

    private final Routines routines;

    RoutineController(Routines routines) {
        this.routines = routines;
    }

    /** An article page asks for the routines of all its exercises at once; more than this is not a page. */
    static final int MAX_EXERCISE_IDS = 50;

    /**
     * Live routines; {@code exerciseId} (repeatable, up to {@value #MAX_EXERCISE_IDS}) narrows to the routines that
     * use any of those exercises, each listed once.
     */
    @GetMapping
    PagedResponse<RoutineView> list(
            @RequestParam(required = false) List<String> exerciseId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<String> exerciseIds =
                exerciseId == null ? List.of() : exerciseId.stream().distinct().toList();
        if (exerciseIds.size() > MAX_EXERCISE_IDS) {
            throw new InvalidInputException("exerciseId", "at most " + MAX_EXERCISE_IDS + " exercises at once");
        }
        Page<Routine> found = routines.published(exerciseIds, Paging.of(page, size, Sort.by("live.name")));
        return PagedResponse.of(found, routines.views(found.getContent()));
    }

    @GetMapping("/{slug}")
    RoutineView bySlug(@PathVariable String slug) {
        return routines.view(routines.publishedBySlug(slug));
    }

    /** The signed record that the routine as readers get it is the version its reviewers approved. */
    @GetMapping("/{slug}/approval")
    ResponseEntity<RevisionViews.SignedApproval> approval(@PathVariable String slug, WebRequest request) {
        return routines.approval(slug).response(request);
    }

    /** The caller's part of {@code GET /api/v1/me/reviews}, as article-service's {@code /articles/review-queue}. */
    @GetMapping("/review-queue")
    ResponseEntity<ReviewQueue.Page> reviewQueue(
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        int pageSize = Paging.size(size);
        List<ReviewQueue.Item> items =
                routines.reviewQueue(ReviewQueue.window(due), ReviewQueue.Cursor.parse(after), pageSize, actor);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ReviewQueue.page(items, pageSize));
    }

    /** Editors: routines in review that wait on a reviewer who can no longer review (disabled, say), to reassign. */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping("/stalled-reviews")
    ResponseEntity<StalledReviews.Listing> stalledReviews(Actor actor) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new StalledReviews.Listing(routines.stalledReviews(actor)));
    }

    @GetMapping("/drafts/{id}")
    ResponseEntity<RoutineView> draft(@PathVariable String id, Actor actor) {
        return staffView(routines.draft(id)); // actor: signed in (401); the role gate is the service's
    }

    @Operation(summary = "Create a draft routine (AUTHOR, EDITOR); readers get it once it is reviewed and published")
    @ApiResponse(
            responseCode = "201",
            description = "Created: the draft, its ETag, and where it lives",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/routines/drafts/{id}",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping
    ResponseEntity<RoutineView> create(@Valid @RequestBody RoutineRequest body, Actor actor) {
        Routine routine = routines.create(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/routines/drafts/" + routine.id()))
                .eTag(Versions.etag(routine.currentVersion()))
                .body(routines.draftView(routine));
    }

    @Operation(
            summary = "Change the working copy (its author, EDITOR); on a live routine, a revision readers only see "
                    + "once it is approved and published")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PutMapping("/{id}")
    ResponseEntity<RoutineView> edit(
            @PathVariable String id,
            @Valid @RequestBody RoutineRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Actor actor) {
        return staffView(routines.edit(id, body, ifMatch, actor));
    }

    @Operation(summary = "Submit for medical review (its author, EDITOR); every exercise in it must be published")
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PostMapping("/{id}/submission")
    ResponseEntity<RoutineView> submit(
            @PathVariable String id, @Valid @RequestBody SubmissionRequest body, Actor actor) {
        return staffView(routines.submit(id, body.reviewers(), actor));
    }

    @Operation(summary = "Review (an assigned MEDICAL_REVIEWER): APPROVED or CHANGES_REQUESTED")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/reviews")
    ResponseEntity<RoutineView> review(@PathVariable String id, @Valid @RequestBody ReviewRequest body, Actor actor) {
        return staffView(routines.review(id, body.approved(), body.notes(), actor));
    }

    @Operation(summary = "Withdraw from review (its author, EDITOR): IN_REVIEW to DRAFT")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/withdrawal")
    ResponseEntity<RoutineView> withdraw(
            @PathVariable String id, @Valid @RequestBody(required = false) WithdrawalRequest body, Actor actor) {
        return staffView(routines.withdraw(id, body == null ? null : body.reason(), actor));
    }

    @Operation(summary = "Replace the reviewers of a submission (EDITOR)")
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PutMapping("/{id}/reviewers")
    ResponseEntity<RoutineView> reassign(
            @PathVariable String id, @Valid @RequestBody SubmissionRequest body, Actor actor) {
        return staffView(routines.reassign(id, body.reviewers(), actor));
    }

    @Operation(
            summary = "Publish an approved routine or revision (EDITOR); with {\"until\": ..., \"reason\": ...} it"
                    + " is unpublished then, with that reason")
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PostMapping("/{id}/publication")
    ResponseEntity<RoutineView> publish(
            @PathVariable String id, @Valid @RequestBody(required = false) PublicationRequest body, Actor actor) {
        return staffView(routines.publish(id, PublicationRequest.immediate(body), actor));
    }

    @Operation(summary = "Unpublish (EDITOR), with a reason")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @DeleteMapping("/{id}/publication")
    ResponseEntity<RoutineView> unpublish(
            @PathVariable String id, @Valid @RequestBody ReasonRequest body, Actor actor) {
        return staffView(routines.unpublish(id, body.reason(), actor));
    }

    /** A medical reviewer (or editor) flags the live routine as needing review, e.g. after a reader's report. */
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/review-requests")
    ResponseEntity<RoutineView> flag(@PathVariable String id, @Valid @RequestBody ReasonRequest body, Actor actor) {
        return staffView(routines.flagForReview(id, body.reason(), actor));
    }

    private ResponseEntity<RoutineView> staffView(Routine routine) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(routine.currentVersion()))
                .cacheControl(CacheControl.noStore())
                .body(routines.draftView(routine));
    }
}
