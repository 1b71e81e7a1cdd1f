package com.healthcontent.console.signin;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, with the roles the platform gave them (the access token's {@code roles} claim): which parts of
 * the console they see. The services check the roles again on every call; this only decides what to show.
 */
public record StaffMember(String username, String name, Set<String> roles) {

    public boolean isReviewer() {
        return roles.contains("MEDICAL_REVIEWER") || roles.contains("ADMIN");
    }

    public boolean isEditor() {
        return roles.contains("EDITOR") || roles.contains("ADMIN");
    }

    public boolean isAuthor() {
        return roles.contains("AUTHOR") || roles.contains("ADMIN");
    }

    /** Staff administration (accounts, the audit trail) is for administrators alone. */
    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** The access token came straight from the token endpoint to this server, so its claims are read as they are. */
    static StaffMember of(OidcUser user, OAuth2AuthorizedClient client) {
        List<String> roles;
        try {
            roles = JWTParser.parse(client.getAccessToken().getTokenValue())
                    .getJWTClaimsSet()
                    .getStringListClaim("roles");
        } catch (ParseException notAJwt) {
            roles = List.of();
        }
        String name = user.getFullName() != null ? user.getFullName() : user.getSubject();
        return new StaffMember(user.getSubject(), name, roles == null ? Set.of() : Set.copyOf(roles));
    }
}
