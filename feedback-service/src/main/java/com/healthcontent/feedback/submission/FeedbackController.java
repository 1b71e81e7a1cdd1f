package com.healthcontent.feedback.submission;

import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
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
     * Anonymous: readers are not signed in. 202, because storing, summaries and alerts follow asynchronously; the
     * request thread is not held while the broker acknowledges. The client address is the one the gateway forwards
     * (server.forward-headers-strategy).
     */
    @Operation(
            summary = "Vote on a page or report a problem with it (anyone)",
            description =
                    "Answered once the answer is durably queued; it is stored and counted within seconds. The same"
                            + " reader's later answers on the same item within 30 minutes change their vote (the id stays);"
                            + " the same submission again is answered with its first id; a later answer after 30 minutes the"
                            + " same day is answered 202 with the vote's id and changes nothing.")
    @ApiResponse(responseCode = "202", description = "Accepted: stored and counted and, for a report, alerted shortly")
    @AlsoAnswers({HttpStatus.NOT_FOUND, HttpStatus.TOO_MANY_REQUESTS, HttpStatus.SERVICE_UNAVAILABLE})
    @PostMapping
    CompletableFuture<ResponseEntity<Received>> submit(
            @Valid @RequestBody FeedbackRequest body, HttpServletRequest request) {
        return submissions
                .submit(
                        body,
                        new FeedbackSubmissions.Reader(
                                request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)))
                .thenApply(
                        accepted -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new Received(accepted.id())));
    }

    /** What a reader gets back: the id of their feedback, the same for a submission sent again. */
    record Received(String id) {}
}
