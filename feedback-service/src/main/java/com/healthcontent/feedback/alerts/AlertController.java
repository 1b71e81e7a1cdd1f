package com.healthcontent.feedback.alerts;

import com.healthcontent.feedback.alerts.channel.WebhookTargets;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedQueries;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in staff member's alerts: inbox, unread count, live stream, and how else to be told. */
@RestController
@Tag(name = "Reviewer alerts", description = "A person's alerts (inbox and live stream) and alert preferences")
@RequestMapping("/api/v1/me")
class AlertController {

    record Inbox(List<AlertView> items, PagedResponse.PageInfo page, long unreadCount) {
    }


    record PreferencesRequest(@Size(max = 254) String email, @Size(max = 2000) String webhookUrl, Boolean dailyDigest,
                              @Size(max = 64) String timeZone, LocalTime quietFrom, LocalTime quietUntil,
                              LocalTime digestAt) {
    }

    private final MongoTemplate mongoTemplate;
    private final AlertStreams streams;
    private final Clock clock;
    private final WebhookTargets webhookTargets;

    AlertController(MongoTemplate mongoTemplate, AlertStreams streams, Clock clock, WebhookTargets webhookTargets) {
        this.mongoTemplate = mongoTemplate;
        this.streams = streams;
        this.clock = clock;
        this.webhookTargets = webhookTargets;
    }

    @GetMapping("/alerts")
    Inbox inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Actor actor) {
        var pageable = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        Criteria mine = Criteria.where("recipient").is(actor.username());
        Query query = Query.query(unread ? Criteria.where("recipient").is(actor.username()).and("readAt").is(null) : mine);
        var result = PagedQueries.page(mongoTemplate, query, pageable, Alert.class);
        long unreadCount = mongoTemplate.count(Query.query(Criteria.where("recipient").is(actor.username())
                .and("readAt").is(null)), Alert.class);
        PagedResponse<AlertView> paged = PagedResponse.of(result, AlertView::of);
        return new Inbox(paged.items(), paged.page(), unreadCount);
    }

    @PostMapping("/alerts/{id}/read")
    AlertView markRead(@PathVariable String id, Actor actor) {
        Alert alert = mongoTemplate.findAndModify(Query.query(Criteria.where("_id").is(id).and("recipient")
                .is(actor.username())), new Update().set("readAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), Alert.class);
        if (alert == null) {
            throw new ResourceNotFoundException("Alert", id);
        }
        return AlertView.of(alert);
    }

    @PostMapping("/alerts/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markAllRead(Actor actor) {
        mongoTemplate.updateMulti(Query.query(Criteria.where("recipient").is(actor.username()).and("readAt").is(null)),
                new Update().set("readAt", clock.instant()), Alert.class);
    }

    /** Each new alert for the caller as it happens, as Server-Sent Events named {@code alert}. */
    @Operation(summary = "The caller's alerts as they happen (MEDICAL_REVIEWER, AUTHOR)", description = "Server-Sent "
            + "Events: a 'connected' event, then one event named 'alert' per new alert, in the inbox's shape; the "
            + "stream ends after 30 minutes and clients reconnect.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "An event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = AlertView.class)))
    @GetMapping(path = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor) {
        return streams.open(actor.username());
    }

    @GetMapping("/alert-preferences")
    AlertPreferences preferences(Actor actor) {
        AlertPreferences stored = mongoTemplate.findById(actor.username(), AlertPreferences.class);
        return stored != null ? stored : AlertPreferences.defaults(actor.username());
    }

    /** A webhook gets a signing secret when first set; it is shown here, to its owner only. */
    @PutMapping("/alert-preferences")
    AlertPreferences updatePreferences(@Valid @RequestBody PreferencesRequest body, Actor actor) {
        if (body.webhookUrl() != null && !body.webhookUrl().isBlank()) {
            webhookTargets.requirePublic(body.webhookUrl().strip());
        }
        AlertPreferences current = preferences(actor);
        String secret = body.webhookUrl() == null ? null
                : current.webhookSecret() != null ? current.webhookSecret() : UUID.randomUUID().toString();
        return mongoTemplate.save(new AlertPreferences(actor.username(), blankToNull(body.email()),
                blankToNull(body.webhookUrl()), secret, Boolean.TRUE.equals(body.dailyDigest()), body.timeZone(), body.quietFrom(),
                body.quietUntil(), body.digestAt()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
