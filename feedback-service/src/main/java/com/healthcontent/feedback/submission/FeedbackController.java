package com.healthcontent.feedback.submission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
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
    @PostMapping
    ResponseEntity<Map<String, String>> submit(@Valid @RequestBody FeedbackRequest body, HttpServletRequest request) {
        var accepted = submissions.submit(body, new FeedbackSubmissions.Reader(request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", accepted.id()));
    }
}
