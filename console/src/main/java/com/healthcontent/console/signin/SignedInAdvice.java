package com.healthcontent.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows who is signed in (the header, the navigation by role); public pages (signed out, errors) know
 * nobody is, and never start a sign-in for it.
 */
@ControllerAdvice
class SignedInAdvice {

    private final OAuth2AuthorizedClientRepository authorizedClients;

    SignedInAdvice(OAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @ModelAttribute("me")
    StaffMember me(Authentication authentication, HttpServletRequest request) {
        if (!(authentication instanceof OAuth2AuthenticationToken signedIn)
                || !(signedIn.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        OAuth2AuthorizedClient client =
                authorizedClients.loadAuthorizedClient(SignInConfiguration.REGISTRATION, authentication, request);
        return client == null ? null : StaffMember.of(user, client);
    }
}
