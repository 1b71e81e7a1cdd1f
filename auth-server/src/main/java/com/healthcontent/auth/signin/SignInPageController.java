package com.healthcontent.auth.signin;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff sign-in page. After a refused attempt it says why in words a person can act on: a wrong username or
 * password (never which of the two), or how long to wait when guessing is being slowed.
 */
@Controller
class SignInPageController {

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(name = "password-set", required = false) String passwordSet,
            HttpSession session,
            Model model) {
        if (passwordSet != null) {
            model.addAttribute("notice", "Your password is set. Sign in with it.");
        }
        if (error != null) {
            Object refused = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error", message(refused));
        }
        return "sign-in";
    }

    private static String message(Object refused) {
        if (refused instanceof LockedException throttled) { // ThrottledSignIn's: when to try again
            return throttled.getMessage();
        }
        if (refused instanceof BadCredentialsException || !(refused instanceof AuthenticationException)) {
            return "Wrong username or password.";
        }
        return "You could not be signed in. Try again, or ask an administrator.";
    }
}
