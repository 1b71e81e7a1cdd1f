package com.healthcontent.auth.passkey;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's passkeys page: the ones they have, adding one (in the browser, with the device's own prompt), removing
 * one (a plain form), and, when their role requires a passkey and they signed in with a password, the way on: use a
 * passkey, or add the first one and then use it.
 */
@Controller
class PasskeyPageController {

    /** A passkey as its holder's page lists it, its dates in words (UTC). */
    record Row(String id, String label, String added, String lastUsed) {}

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Passkeys passkeys;
    private final PasskeyRequirement requirement;

    PasskeyPageController(Passkeys passkeys, PasskeyRequirement requirement) {
        this.passkeys = passkeys;
        this.requirement = requirement;
    }

    @GetMapping("/account/passkeys")
    String page(
            Authentication signedIn,
            @RequestParam(required = false) String required,
            @RequestParam(required = false) String removed,
            @RequestParam(required = false) String refused,
            Model model) {
        Set<String> missing = requirement.missing(signedIn);
        model.addAttribute("username", signedIn.getName());
        model.addAttribute(
                "passkeys",
                passkeys.of(signedIn.getName()).stream()
                        .map(passkey -> new Row(
                                passkey.id(),
                                passkey.label(),
                                DAY.format(passkey.created()),
                                passkey.lastUsed() == null ? null : DAY.format(passkey.lastUsed())))
                        .toList());
        model.addAttribute("requiredBy", required != null && !missing.isEmpty() ? missing : Set.of());
        model.addAttribute("usedPasskey", PasskeyRequirement.usedPasskey(signedIn));
        model.addAttribute("mayChange", passkeys.mayChange(signedIn));
        model.addAttribute("maxLabel", Passkeys.MAX_LABEL);
        if (removed != null) {
            model.addAttribute("notice", "The passkey is removed.");
        }
        if (refused != null) {
            model.addAttribute("error", "Sign in with one of your passkeys to remove one.");
        }
        return "passkeys";
    }

    /** Without JavaScript too; only after signing in with a passkey (see {@link PasskeyChanges}). */
    @PostMapping("/account/passkeys/{id}/removal")
    String remove(@PathVariable String id, Authentication signedIn) {
        if (!PasskeyRequirement.usedPasskey(signedIn)) {
            return "redirect:/account/passkeys?refused";
        }
        passkeys.removeOwn(signedIn.getName(), id);
        return "redirect:/account/passkeys?removed";
    }
}
