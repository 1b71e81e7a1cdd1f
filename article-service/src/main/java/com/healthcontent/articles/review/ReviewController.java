package com.healthcontent.articles.review;

import com.healthcontent.articles.article.Article;
import com.healthcontent.articles.article.ArticleQueries;
import com.healthcontent.articles.article.ArticleViews;
import com.healthcontent.articles.article.Articles;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.review.WorkflowRequests.PublicationRequest;
import com.healthcontent.editorial.review.WorkflowRequests.ReasonRequest;
import com.healthcontent.editorial.review.WorkflowRequests.ReviewRequest;
import com.healthcontent.editorial.review.WorkflowRequests.SubmissionRequest;
import com.healthcontent.editorial.review.WorkflowRequests.WithdrawalRequest;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The editorial and medical-review workflow of an article, one endpoint per step. */
@RestController
@Tag(
        name = "Article review and publication",
        description = "Medical review of an article: submission, reviews, withdrawal, reviewers, publication")
@RequestMapping("/api/v1/articles/{id}")
class ReviewController {

    private final Articles articles;
    private final ArticleQueries queries;

    ReviewController(Articles articles, ArticleQueries queries) {
        this.articles = articles;
        this.queries = queries;
    }

    @Operation(summary = "Submit for medical review (its author, EDITOR): DRAFT or CHANGES_REQUESTED to IN_REVIEW")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = "{\"reviewers\": [\"dr.rao\"]}")))
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PostMapping("/submission")
    ResponseEntity<ArticleViews.Draft> submit(
            @PathVariable String id, @Valid @RequestBody SubmissionRequest body, Actor actor) {
        return draft(articles.submit(id, body.reviewers(), actor));
    }

    @Operation(summary = "Review (an assigned MEDICAL_REVIEWER): APPROVED or CHANGES_REQUESTED")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            value =
                                                    "{\"outcome\": \"APPROVED\", \"notes\": \"Checked against the cited papers.\"}")))
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/reviews")
    ResponseEntity<ArticleViews.Draft> review(
            @PathVariable String id, @Valid @RequestBody ReviewRequest body, Actor actor) {
        return draft(articles.review(id, body.approved(), body.notes(), actor));
    }

    @Operation(summary = "Withdraw from review (its author, EDITOR): IN_REVIEW to DRAFT; the reviewers are released")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/withdrawal")
    ResponseEntity<ArticleViews.Draft> withdraw(
            @PathVariable String id, @Valid @RequestBody(required = false) WithdrawalRequest body, Actor actor) {
        return draft(articles.withdraw(id, body == null ? null : body.reason(), actor));
    }

    @Operation(summary = "Replace the reviewers of a submission (EDITOR); approvals of reviewers who stay still count")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = "{\"reviewers\": [\"dr.kim\"]}")))
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PutMapping("/reviewers")
    ResponseEntity<ArticleViews.Draft> reassign(
            @PathVariable String id, @Valid @RequestBody SubmissionRequest body, Actor actor) {
        return draft(articles.reassign(id, body.reviewers(), actor));
    }

    @Operation(
            summary = "Publish an approved article now (EDITOR), or at a future time with {\"at\": ...}; with"
                    + " {\"until\": ..., \"reason\": ...} it is unpublished then, with that reason")
    @AlsoAnswers({HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT})
    @PostMapping("/publication")
    ResponseEntity<ArticleViews.Draft> publish(
            @PathVariable String id, @RequestBody(required = false) PublicationRequest body, Actor actor) {
        Workflow.Expiry expiry = body == null ? null : body.expiry();
        if (body != null && body.at() != null) {
            return draft(articles.schedule(id, body.at(), expiry, actor));
        }
        return draft(articles.publish(id, expiry, actor));
    }

    @AlsoAnswers({HttpStatus.CONFLICT})
    @DeleteMapping("/publication/schedule")
    ResponseEntity<ArticleViews.Draft> cancelSchedule(@PathVariable String id, Actor actor) {
        return draft(articles.cancelSchedule(id, actor));
    }

    @Operation(summary = "Unpublish (EDITOR), with a reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            value =
                                                    "{\"reason\": \"The guidance changed; a revision is on its way.\"}")))
    @AlsoAnswers({HttpStatus.CONFLICT})
    @DeleteMapping("/publication")
    ResponseEntity<ArticleViews.Draft> unpublish(
            @PathVariable String id, @Valid @RequestBody ReasonRequest body, Actor actor) {
        return draft(articles.unpublish(id, body.reason(), actor));
    }

    /** A medical reviewer (or editor) flags live content as needing review, e.g. after a reader's report. */
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/review-requests")
    ResponseEntity<ArticleViews.Draft> flag(
            @PathVariable String id, @Valid @RequestBody ReasonRequest body, Actor actor) {
        return draft(articles.flagForReview(id, body.reason(), actor));
    }

    private ResponseEntity<ArticleViews.Draft> draft(Article article) {
        return ResponseEntity.ok().eTag(Versions.etag(article.currentVersion())).body(queries.draftView(article));
    }
}
