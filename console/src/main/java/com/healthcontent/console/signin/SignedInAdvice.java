package com.healthcontent.console.signin;

import com.healthcontent.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every page knows who is signed in (the header, the navigation by role); public pages (signed out, errors) know
 * nobody is, and never start a sign-in for it. Every page also knows where each person manages their own passkeys:
 * a page of the authorization server, where they sign in.
 */
@ControllerAdvice
class SignedInAdvice {

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final String passkeysUrl;

    SignedInAdvice(OAuth2AuthorizedClientRepository authorizedClients, ConsoleProperties properties) {
        this.authorizedClients = authorizedClients;
        this.passkeysUrl = UriComponentsBuilder.fromUriString(properties.authPublicUrl())
                .path("/account/passkeys")
                .toUriString();
    }

    @ModelAttribute("passkeysUrl")
    String passkeysUrl() {
        return passkeysUrl;
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
