package com.healthcontent.console.preferences;

import com.healthcontent.console.platform.ApiRefusal;
import com.healthcontent.console.platform.PlatformApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How alerts reach the signed-in person: e-mail, a webhook, quiet hours in their time zone, a daily digest. */
@Controller
class PreferencesController {

    private final PlatformApi api;

    PreferencesController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/preferences")
    String preferences(Model model) {
        if (!model.containsAttribute("preferences")) {
            model.addAttribute(
                    "preferences",
                    PlatformApi.plain(api.get(
                            uri -> uri.path("/api/v1/me/alert-preferences").build())));
        }
        return "preferences";
    }

    @PostMapping("/preferences")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> preferences = new LinkedHashMap<>();
        for (String field : new String[] {"email", "webhookUrl", "timeZone", "quietFrom", "quietUntil", "digestAt"}) {
            String value = form.getOrDefault(field, "").strip();
            preferences.put(field, value.isEmpty() ? null : value);
        }
        preferences.put("dailyDigest", form.containsKey("dailyDigest"));
        try {
            api.put("/api/v1/me/alert-preferences", preferences);
            redirect.addFlashAttribute("done", "Saved.");
        } catch (ApiRefusal refused) {
            // the form comes back as it was sent, with what to fix
            redirect.addFlashAttribute("refused", refused.getMessage());
            redirect.addFlashAttribute("preferences", preferences);
        }
        return "redirect:/preferences";
    }
}
