package com.healthcontent.feedback.submission;

import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.servicedefaults.events.IntegrationEvents;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

@Service
public class FeedbackSubmissions {

    private final PublishedContents contents;
    private final MongoTemplate mongoTemplate;
    private final IntegrationEvents events;
    private final Clock clock;

    FeedbackSubmissions(PublishedContents contents, MongoTemplate mongoTemplate, IntegrationEvents events,
            Clock clock) {
        this.contents = contents;
        this.mongoTemplate = mongoTemplate;
        this.events = events;
        this.clock = clock;
    }

    /** Feedback on content that is not published (as far as the events tell) is a 404: nothing to vote on. */
    public Feedback submit(FeedbackRequest request) {
        PublishedContent target = contents.findLive(request.target().type(), request.target().id())
                .orElseThrow(() -> new ResourceNotFoundException(request.target().type().name().toLowerCase(),
                        request.target().id()));
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String comment = blankToNull(request.comment());
        var event = events.create(EventType.FEEDBACK_SUBMITTED, target.id(), target.slug(),
                new FeedbackSubmitted(id, target.type().name(), target.id(), target.slug(), request.helpful(),
                        request.reason() == null ? null : request.reason().name(), comment != null, now));
        Feedback feedback = new Feedback(id, target.type(), target.id(), target.slug(), request.helpful(),
                request.reason(), comment, blankToNull(request.tryingTo()), now, List.of(event));
        return mongoTemplate.insert(feedback);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
