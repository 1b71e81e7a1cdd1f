package com.healthcontent.feedback.alerts;

import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in staff member's alerts: inbox, unread count, live stream, and how else to be told. */
@RestController
@Tag(name = "Reviewer alerts", description = "A person's alerts (inbox and live stream) and alert preferences")
@RequestMapping("/api/v1/me")
class AlertController {

    record Inbox(List<AlertView> items, PagedResponse.PageInfo page, long unreadCount) {}

    private final AlertInbox inbox;
    private final AlertSettings settings;
    private final AlertStreams streams;

    AlertController(AlertInbox inbox, AlertSettings settings, AlertStreams streams) {
        this.inbox = inbox;
        this.settings = settings;
        this.streams = streams;
    }

    @GetMapping("/alerts")
    Inbox inbox(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        var pageable = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        PagedResponse<AlertView> alerts =
                PagedResponse.of(inbox.alerts(actor.username(), unread, pageable), AlertView::of);
        return new Inbox(alerts.items(), alerts.page(), inbox.unreadCount(actor.username()));
    }

    @PostMapping("/alerts/{id}/read")
    AlertView markRead(@PathVariable String id, Actor actor) {
        return AlertView.of(inbox.markRead(id, actor.username()));
    }

    @PostMapping("/alerts/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markAllRead(Actor actor) {
        inbox.markAllRead(actor.username());
    }

    /** Each new alert for the caller as it happens, as Server-Sent Events named {@code alert}. */
    @Operation(
            summary = "The caller's alerts as they happen (MEDICAL_REVIEWER, AUTHOR)",
            description = "Server-Sent "
                    + "Events: a 'connected' event, then one event named 'alert' per new alert, in the inbox's shape; the "
                    + "stream ends after 30 minutes and clients reconnect.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "An event stream",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = AlertView.class)))
    @GetMapping(path = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor) {
        return streams.open(actor.username());
    }

    @GetMapping("/alert-preferences")
    AlertPreferences preferences(Actor actor) {
        return settings.of(actor.username());
    }

    /** A webhook gets a signing secret when first set; it is shown here, to its owner only. */
    @PutMapping("/alert-preferences")
    AlertPreferences updatePreferences(@Valid @RequestBody PreferencesRequest body, Actor actor) {
        return settings.save(actor.username(), body);
    }
}
