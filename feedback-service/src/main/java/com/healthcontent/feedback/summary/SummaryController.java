package com.healthcontent.feedback.summary;

import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Helpfulness summaries",
        description = "How readers rated a page: in all, over the last 30 days, and per revision")
@RequestMapping("/api/v1/feedback/summary")
class SummaryController {

    private final FeedbackSummaries summaries;
    private final PublishedContents contents;

    SummaryController(FeedbackSummaries summaries, PublishedContents contents) {
        this.summaries = summaries;
        this.contents = contents;
    }

    /**
     * {@code id} may be the content's id or its slug. {@code revision} is the live revision (an article's revision, an
     * exercise's version), {@code current} the votes given on it.
     */
    @AlsoAnswers({HttpStatus.NOT_FOUND})
    @GetMapping
    ResponseEntity<FeedbackSummary> summary(@RequestParam ContentType type, @RequestParam String id) {
        PublishedContent content = contents.findLive(type, id)
                .orElseThrow(() -> new ResourceNotFoundException(type.name().toLowerCase(), id));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic())
                .body(summaries.of(type, content.id(), content.version()));
    }
}
