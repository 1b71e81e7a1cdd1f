package com.healthcontent.auth.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation or password reset link opens: the person chooses their password (twice), and is then sent
 * to sign in. A link that is unknown, expired or already used gets a page that says so, and changes nothing.
 */
@Controller
class InvitationPageController {

    private final StaffAdministration administration;

    InvitationPageController(StaffAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/invitations/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        return administration
                .linkHolder(token)
                .map(username -> {
                    model.addAttribute("username", username);
                    return "invitation";
                })
                .orElseGet(() -> spent(response));
    }

    @PostMapping("/invitations/{token}")
    String setPassword(
            @PathVariable String token,
            @RequestParam String password,
            @RequestParam String repeated,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String username = administration.linkHolder(token).orElse(null);
        if (username == null) {
            return spent(response);
        }
        model.addAttribute("username", username);
        if (!password.equals(repeated)) {
            model.addAttribute("error", "The two passwords are not the same.");
            response.setStatus(400);
            return "invitation";
        }
        try {
            administration.setPasswordWithLink(token, password, request.getRemoteAddr());
        } catch (StaffAdministration.Refused refused) {
            if (refused.status == 410) {
                return spent(response);
            }
            model.addAttribute("error", refused.getMessage());
            response.setStatus(400);
            return "invitation";
        }
        return "redirect:/login?password-set";
    }

    private static String spent(HttpServletResponse response) {
        response.setStatus(410);
        return "invitation-spent";
    }
}
