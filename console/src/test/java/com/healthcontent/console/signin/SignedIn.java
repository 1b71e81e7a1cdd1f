package com.healthcontent.console.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Staff signed in as the console's sign-in leaves them: an OpenID Connect login of the {@code web} client in the
 * security context, and the platform's access token (a JWT carrying their roles) kept for that client in their
 * session, where the pages learn who they are and PlatformApi finds the token to call with. spring-security-test's
 * {@code oidcLogin()} does not fit: it keeps its client in a request attribute, reached only through a token manager
 * it rewires by reflection, so the pages, which read the session's tokens themselves, would find nobody signed in.
 */
public final class SignedIn {

    private SignedIn() {}

    public static RequestPostProcessor drRao() {
        return as("dr.rao", "Dr. Priya Rao", "MEDICAL_REVIEWER");
    }

    public static RequestPostProcessor eliEditor() {
        return as("eli.editor", "Eli Evans", "EDITOR");
    }

    public static RequestPostProcessor anaAuthor() {
        return as("ana.author", "Ana Alvarez", "AUTHOR");
    }

    public static RequestPostProcessor opsAdmin() {
        return as("ops.admin", "Ops Admin", "ADMIN");
    }

    public static RequestPostProcessor as(String username, String name, String... roles) {
        return request -> {
            ClientRegistration web = WebApplicationContextUtils.getRequiredWebApplicationContext(
                            request.getServletContext())
                    .getBean(ClientRegistrationRepository.class)
                    .findByRegistrationId(SignInConfiguration.REGISTRATION);
            Instant now = Instant.now();
            OidcIdToken idToken = OidcIdToken.withTokenValue(idTokenOf(username))
                    .subject(username)
                    .claim(StandardClaimNames.NAME, name)
                    .issuedAt(now)
                    .expiresAt(now.plus(Duration.ofHours(1)))
                    .build();
            DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
            OAuth2AuthenticationToken signedIn =
                    new OAuth2AuthenticationToken(user, user.getAuthorities(), web.getRegistrationId());
            OAuth2AccessToken accessToken = new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.BEARER,
                    accessTokenOf(username, roles),
                    now,
                    now.plus(Duration.ofMinutes(15)));
            new HttpSessionOAuth2AuthorizedClientRepository()
                    .saveAuthorizedClient(
                            new OAuth2AuthorizedClient(web, username, accessToken),
                            signedIn,
                            request,
                            new MockHttpServletResponse());
            return SecurityMockMvcRequestPostProcessors.authentication(signedIn).postProcessRequest(request);
        };
    }

    /** The access token the platform gave them: the console reads their roles from it, the gateway checks it. */
    public static String accessTokenOf(String username, String... roles) {
        // unsigned: the console never checks the signature of a token it got straight from the token endpoint
        return new PlainJWT(new JWTClaimsSet.Builder()
                        .subject(username)
                        .claim("roles", List.of(roles))
                        .build())
                .serialize();
    }

    public static String idTokenOf(String username) {
        return "id-token-of-" + username;
    }
}
