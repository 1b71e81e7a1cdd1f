package com.healthcontent.feedback.submission;

import jakarta.validation.Valid;
import java.util.Map;
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

    /** Anonymous: readers are not signed in. 202, because summaries and alerts follow asynchronously. */
    @PostMapping
    ResponseEntity<Map<String, String>> submit(@Valid @RequestBody FeedbackRequest body) {
        Feedback feedback = submissions.submit(body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", feedback.id()));
    }
}
