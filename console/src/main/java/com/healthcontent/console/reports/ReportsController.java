package com.healthcontent.console.reports;

import com.healthcontent.console.platform.ApiRefusal;
import com.healthcontent.console.platform.PlatformApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Readers' problem reports on the content the signed-in reviewer reviews (editors: all of them), with each page's
 * helpfulness summary beside them, and their triage: acknowledge, resolve, or dismiss with a note.
 */
@Controller
class ReportsController {

    private final PlatformApi api;

    ReportsController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(defaultValue = "NEW") String status, Model model) {
        JsonNode reports = api.get(uri -> uri.path("/api/v1/feedback/reports")
                .queryParam("status", status)
                .queryParam("size", 50)
                .build());
        Map<String, Object> summaries = new LinkedHashMap<>();
        reports.path("items").forEach(report -> {
            JsonNode target = report.path("target");
            String key =
                    target.path("type").asString() + ":" + target.path("id").asString();
            summaries.computeIfAbsent(
                    key,
                    k -> PlatformApi.plain(api.getIfPresent(uri -> uri.path("/api/v1/feedback/summary")
                            .queryParam("type", target.path("type").asString())
                            .queryParam("id", target.path("id").asString())
                            .build())));
        });
        model.addAttribute("status", status);
        model.addAttribute("reports", PlatformApi.plain(reports.path("items")));
        model.addAttribute("summaries", summaries);
        return "reports";
    }

    @PostMapping("/reports/{id}")
    String triage(
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "NEW") String shown,
            RedirectAttributes redirect) {
        try {
            api.post(
                    "/api/v1/feedback/reports/{id}/status",
                    note == null || note.isBlank() ? Map.of("status", status) : Map.of("status", status, "note", note),
                    id);
            redirect.addFlashAttribute("done", "Report marked " + status.toLowerCase() + ".");
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        redirect.addAttribute("status", shown);
        return "redirect:/reports";
    }
}
