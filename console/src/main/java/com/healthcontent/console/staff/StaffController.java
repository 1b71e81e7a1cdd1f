package com.healthcontent.console.staff;

import com.healthcontent.console.platform.ApiRefusal;
import com.healthcontent.console.platform.PlatformApi;
import com.healthcontent.console.signin.StaffMember;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Staff administration, for administrators: the accounts (invite someone, change roles, disable and enable, send a
 * password reset link, remove the passkeys of someone who lost their device), which roles must sign in with a
 * passkey, and the audit trail of sign-ins and administration steps. Anyone else gets the forbidden page
 * without the platform being asked; the platform checks the role again on every call.
 */
@Controller
class StaffController {

    private static final int AUDIT_PAGE = 50;

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PlatformApi api;

    StaffController(PlatformApi api) {
        this.api = api;
    }

    @ModelAttribute
    void administratorsOnly(@ModelAttribute(name = "me", binding = false) StaffMember me) {
        if (me == null || !me.isAdmin()) {
            throw new NotAnAdministrator();
        }
    }

    @ExceptionHandler(NotAnAdministrator.class)
    ModelAndView notAllowed() {
        ModelAndView page = new ModelAndView("error", HttpStatus.FORBIDDEN);
        page.addObject("status", HttpStatus.FORBIDDEN.value());
        page.addObject("message", "Staff administration is for administrators.");
        return page;
    }

    @GetMapping("/staff")
    String accounts(Model model) {
        List<Account> accounts = new ArrayList<>();
        api.get(uri -> uri.path("/api/v1/staff/accounts").build())
                .forEach(account -> accounts.add(Account.of(account)));
        model.addAttribute("accounts", accounts);
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute(
                "passkeyPolicy",
                PasskeyPolicy.of(
                        api.get(uri -> uri.path("/api/v1/staff/passkey-policy").build())));
        if (!model.containsAttribute("invitation")) {
            model.addAttribute("invitation", invitation("", "", null, "", List.of()));
        }
        return "staff";
    }

    /** A new account without a password, and the one-time link on which its holder chooses one. */
    @PostMapping("/staff")
    String invite(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String credentials,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(name = "roles", required = false) List<String> roles,
            RedirectAttributes redirect) {
        Map<String, Object> invitation = invitation(
                username.strip(),
                name.strip(),
                credentials.isBlank() ? null : credentials.strip(),
                email.strip(),
                roles == null ? List.of() : roles);
        try {
            JsonNode invited = api.post("/api/v1/staff/accounts", invitation);
            Account account = Account.of(invited.path("account"));
            redirect.addFlashAttribute(
                    "done",
                    account.who() + " is invited: on the link below, also sent to them by e-mail, they choose their"
                            + " password, then sign in.");
            redirect.addFlashAttribute(
                    "link", oneTimeLink("Invitation link for " + account.who(), invited.path("invitation")));
        } catch (ApiRefusal refused) {
            // the form comes back as it was sent, with what to fix
            redirect.addFlashAttribute("refused", refused.getMessage());
            redirect.addFlashAttribute("invitation", invitation);
        }
        return "redirect:/staff";
    }

    @PostMapping("/staff/{username}/roles")
    String roles(
            @PathVariable String username,
            @RequestParam(name = "roles", required = false) List<String> roles,
            RedirectAttributes redirect) {
        return step(redirect, () -> {
            Account account = Account.of(api.put(
                    "/api/v1/staff/accounts/{username}/roles",
                    Map.of("roles", roles == null ? List.of() : roles),
                    username));
            return "The roles of " + account.who() + " are now: " + account.roleNames() + ".";
        });
    }

    @PostMapping("/staff/{username}/disable")
    String disable(@PathVariable String username, RedirectAttributes redirect) {
        return step(redirect, () -> {
            Account account = Account.of(api.post("/api/v1/staff/accounts/{username}/disablement", null, username));
            return account.who()
                    + " is disabled: they cannot sign in, and their sign-in sessions have ended (an access token"
                    + " already issued lasts until it expires).";
        });
    }

    @PostMapping("/staff/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        return step(redirect, () -> {
            Account account = Account.of(api.delete("/api/v1/staff/accounts/{username}/disablement", null, username));
            return account.who() + " can sign in again.";
        });
    }

    @PostMapping("/staff/{username}/password-reset")
    String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
        return step(redirect, () -> {
            JsonNode link = api.post("/api/v1/staff/accounts/{username}/password-reset", null, username);
            redirect.addFlashAttribute("link", oneTimeLink("Password reset link for " + username, link));
            return username + " chooses a new password on the link below; their current one works until then.";
        });
    }

    /** Someone lost their device: all their passkeys go, and they sign in with their password to add a new one. */
    @PostMapping("/staff/{username}/remove-passkeys")
    String removePasskeys(
            @PathVariable String username, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        return step(redirect, () -> {
            int removed = api.delete("/api/v1/staff/accounts/{username}/passkeys", null, username)
                    .path("removed")
                    .asInt();
            // the name only for the message (the API answers a count): the username is what the step was about
            String who = name.isBlank() ? username : name.strip() + " (" + username + ")";
            if (removed == 0) {
                return who + " had no passkeys: nothing was removed.";
            }
            return removed + (removed == 1 ? " passkey of " : " passkeys of ") + who
                    + " removed: they sign in with their password and add a new one.";
        });
    }

    /** The roles whose holders must sign in with a passkey: a password alone gets them no further than adding one. */
    @PostMapping("/staff/passkey-policy")
    String passkeyPolicy(
            @RequestParam(name = "roles", required = false) List<String> roles, RedirectAttributes redirect) {
        return step(redirect, () -> {
            PasskeyPolicy policy = PasskeyPolicy.of(api.put(
                    "/api/v1/staff/passkey-policy",
                    Map.of("rolesRequiringPasskey", roles == null ? List.of() : roles)));
            if (policy.roles().isEmpty()) {
                return "No role needs a passkey now: everyone can sign in with their password alone.";
            }
            return "These roles now sign in with a passkey: " + policy.roleNames() + ".";
        });
    }

    /** Newest first, filtered by the person it is about and by what happened, a page at a time. */
    @GetMapping("/staff/audit")
    String audit(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String before,
            Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        given(filters, "type", type);
        given(filters, "subject", subject);
        given(filters, "before", before);
        // as URI variables, so that whatever was typed arrives as typed
        JsonNode page = api.get(uri -> {
            uri.path("/api/v1/staff/audit");
            filters.keySet().forEach(filter -> uri.queryParam(filter, "{" + filter + "}"));
            return uri.queryParam("size", AUDIT_PAGE).build(filters);
        });
        List<AuditEntry> entries = new ArrayList<>();
        page.path("items").forEach(entry -> entries.add(AuditEntry.of(entry)));
        model.addAttribute("entries", entries);
        model.addAttribute("types", List.of(AuditType.values()));
        model.addAttribute("type", filters.get("type"));
        model.addAttribute("subject", filters.get("subject"));
        model.addAttribute("filtered", filters.containsKey("type") || filters.containsKey("subject"));
        if (page.hasNonNull("next")) {
            Map<String, String> older = new LinkedHashMap<>(filters);
            older.put("before", page.path("next").asString());
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/staff/audit");
            older.forEach((filter, value) -> link.queryParam(filter, value));
            model.addAttribute("older", link.build().encode().toUriString());
        }
        return "audit";
    }

    private static void given(Map<String, String> filters, String filter, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(filter, value.strip());
        }
    }

    private static Map<String, Object> invitation(
            String username, String name, String credentials, String email, List<String> roles) {
        Map<String, Object> invitation = new LinkedHashMap<>();
        invitation.put("username", username);
        invitation.put("name", name);
        invitation.put("credentials", credentials);
        invitation.put("email", email);
        invitation.put("roles", new ArrayList<>(roles));
        return invitation;
    }

    /** What the administrator passes on, for the page after the redirect (the API shows it this once). */
    private static Map<String, String> oneTimeLink(String title, JsonNode link) {
        String expiresAt = link.path("expiresAt").asString();
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("title", title);
        shown.put("url", link.path("url").asString());
        shown.put("expiresAt", expiresAt);
        shown.put("until", UNTIL.format(Instant.parse(expiresAt)));
        return shown;
    }

    private static String step(RedirectAttributes redirect, Supplier<String> step) {
        try {
            redirect.addFlashAttribute("done", step.get());
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/staff";
    }

    /** Signed in without the ADMIN role (the services would refuse the calls anyway). */
    private static final class NotAnAdministrator extends RuntimeException {}
}
