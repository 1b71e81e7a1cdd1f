package com.healthcontent.feedback.submission;

import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reader feedback", description = "Readers' votes and problem reports")
@RequestMapping("/api/v1/feedback")
class FeedbackController {

    private final FeedbackSubmissions submissions;

    FeedbackController(FeedbackSubmissions submissions) {
        this.submissions = submissions;
    }

    /**
     * Anonymous: readers are not signed in. 202, because summaries and alerts follow asynchronously. The client
     * address is the one the gateway forwards (server.forward-headers-strategy).
     */
    @Operation(
            summary = "Vote on a page or report a problem with it (anyone)",
            description =
                    "The same reader's "
                            + "details within 30 minutes attach to their vote; the same submission again is answered with its first id.")
    @ApiResponse(responseCode = "202", description = "Accepted: counted and, for a report, alerted shortly")
    @AlsoAnswers({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.TOO_MANY_REQUESTS})
    @PostMapping
    ResponseEntity<Received> submit(@Valid @RequestBody FeedbackRequest body, HttpServletRequest request) {
        var accepted = submissions.submit(
                body,
                new FeedbackSubmissions.Reader(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Received(accepted.id()));
    }

    /** What a reader gets back: the id of their feedback, the same for a submission sent again. */
    record Received(String id) {}
}
