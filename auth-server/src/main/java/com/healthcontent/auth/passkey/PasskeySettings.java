package com.healthcontent.auth.passkey;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where passkeys work. A passkey belongs to a site (the relying party id, a host name without port); a browser uses
 * it only on pages of that site, and the server accepts a ceremony only from the origins listed here.
 *
 * @param rpId the host name the passkeys belong to (PASSKEY_RP_ID); none: the issuer's host
 * @param rpName the name an authenticator shows beside the passkey (PASSKEY_RP_NAME)
 * @param allowedOrigins the sign-in pages' origins (PASSKEY_ORIGINS, comma-separated); none: the issuer's origin
 */
@ConfigurationProperties("platform.passkeys")
public record PasskeySettings(
        String rpId,
        @DefaultValue("Health content platform") String rpName,
        List<String> allowedOrigins) {

    /** The relying party id, the issuer's host when none is set. */
    String rpIdOr(String issuer) {
        return rpId == null || rpId.isBlank() ? URI.create(issuer).getHost() : rpId;
    }

    /** The allowed origins, the issuer's origin when none is set. */
    List<String> allowedOriginsOr(String issuer) {
        List<String> listed = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
        if (!listed.isEmpty()) {
            return listed;
        }
        URI uri = URI.create(issuer);
        return List.of(uri.getScheme() + "://" + uri.getAuthority());
    }
}
