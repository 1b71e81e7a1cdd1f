package com.healthcontent.feedback.summary;

import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
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
    private final MostHelpful mostHelpful;

    SummaryController(FeedbackSummaries summaries, PublishedContents contents, MostHelpful mostHelpful) {
        this.summaries = summaries;
        this.contents = contents;
        this.mostHelpful = mostHelpful;
    }

    record MostHelpfulPages(ContentType type, List<MostHelpful.RankedPage> items) {}

    /**
     * The live pages of a type readers found most helpful, best first, with their all-time counts: many votes,
     * mostly helpful (see {@link MostHelpful}). Ranked again about once a minute.
     */
    @GetMapping("/most-helpful")
    ResponseEntity<MostHelpfulPages> mostHelpful(
            @RequestParam ContentType type, @RequestParam(required = false) Integer size) {
        int count = size == null ? 5 : size;
        if (count < 1 || count > MostHelpful.MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MostHelpful.MAX_SIZE);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(new MostHelpfulPages(type, mostHelpful.of(type, count)));
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
