package com.healthcontent.console.alerts;

import com.healthcontent.console.platform.PlatformApi;
import com.healthcontent.console.signin.StaffMember;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.JsonNode;

/**
 * The first page after signing in: the alerts (arriving live, with the unread count); for a reviewer what awaits
 * their decision and what falls due for review soon; for an editor what is approved and awaits publication; for an
 * author their articles and where each stands.
 */
@Controller
class DeskController {

    private final PlatformApi api;

    DeskController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/")
    String desk(@ModelAttribute("me") StaffMember me, Model model) {
        JsonNode inbox = api.get(
                uri -> uri.path("/api/v1/me/alerts").queryParam("size", 20).build());
        model.addAttribute("alerts", PlatformApi.plain(inbox.path("items")));
        model.addAttribute("unread", inbox.path("unreadCount").asInt());
        if (me.isEditor()) {
            // held up by a reviewer who can no longer review (disabled, say): nothing moves until an editor reassigns
            List<Object> stalled = new ArrayList<>();
            for (String collection : List.of("articles", "exercises", "routines")) {
                api.get(uri -> uri.path("/api/v1/{collection}/stalled-reviews").build(collection))
                        .path("items")
                        .forEach(item -> stalled.add(PlatformApi.plain(item)));
            }
            model.addAttribute("stalled", stalled);
            model.addAttribute(
                    "toPublish",
                    PlatformApi.plain(api.get(uri -> uri.path("/api/v1/articles/drafts")
                                    .queryParam("status", "APPROVED")
                                    .queryParam("size", 50)
                                    .build())
                            .path("items")));
        } else if (me.isAuthor()) {
            model.addAttribute(
                    "mine",
                    PlatformApi.plain(api.get(uri -> uri.path("/api/v1/articles/drafts")
                                    .queryParam("size", 50)
                                    .build())
                            .path("items")));
        }
        if (me.isReviewer()) {
            model.addAttribute(
                    "queue",
                    PlatformApi.plain(api.get(uri -> uri.path("/api/v1/me/reviews")
                                    .queryParam("size", 50)
                                    .build())
                            .path("items")));
            model.addAttribute(
                    "due",
                    PlatformApi.plain(api.get(uri -> uri.path("/api/v1/me/reviews")
                                    .queryParam("due", "30d")
                                    .queryParam("size", 50)
                                    .build())
                            .path("items")));
        }
        return "desk";
    }

    @PostMapping("/alerts/{id}/read")
    String read(@PathVariable String id) {
        api.post("/api/v1/me/alerts/{id}/read", null, id);
        return "redirect:/";
    }

    @PostMapping("/alerts/read-all")
    String readAll() {
        api.post("/api/v1/me/alerts/read-all", null);
        return "redirect:/";
    }
}
