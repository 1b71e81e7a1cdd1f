package com.healthcontent.auth.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * The passkey policy where tokens are issued (the authorization endpoint): a person whose roles require a passkey
 * ({@link PasskeyPolicy}) and who signed in with a password only is sent to their passkeys page, which asks them to
 * use their passkey (or to add their first one), and then back to the authorization they were on.
 *
 * <p>The authorization endpoint answers a signed-in person before any authorization rule runs, so the check is in
 * two places: {@link #guard} makes the endpoint treat such a sign-in as not yet enough (it passes the request on),
 * and the rule ({@link #authorize}) then refuses it, which sends the person to the passkeys page ({@link #handle}).
 */
@Component
public class PasskeyRequirement implements AuthorizationManager<RequestAuthorizationContext>, AccessDeniedHandler {

    static final String PAGE = "/account/passkeys?required";

    private final PasskeyPolicy policy;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    PasskeyRequirement(PasskeyPolicy policy) {
        this.policy = policy;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
        Authentication signedIn = authentication.get();
        return new AuthorizationDecision(
                trust.isAuthenticated(signedIn) && missing(signedIn).isEmpty());
    }

    /** The roles of this sign-in that require a passkey it did not use; empty when nothing is missing. */
    Set<String> missing(Authentication signedIn) {
        return usedPasskey(signedIn) ? Set.of() : policy.requiredBy(roles(signedIn));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        requestCache.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + PAGE);
    }

    /**
     * Goes first among the authorization endpoint's providers: a request whose sign-in lacks a required passkey is
     * answered as not authenticated (the endpoint passes it on to the rule above); any other is left to the endpoint's
     * own provider.
     */
    public AuthenticationProvider guard() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                if (request.getPrincipal() instanceof Authentication person
                        && trust.isAuthenticated(person)
                        && !missing(person).isEmpty()) {
                    return request;
                }
                return null;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2AuthorizationCodeRequestAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    static boolean usedPasskey(Authentication signedIn) {
        return signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(FactorGrantedAuthority.WEBAUTHN_AUTHORITY::equals);
    }

    static Set<String> roles(Authentication signedIn) {
        return signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toSet());
    }
}
