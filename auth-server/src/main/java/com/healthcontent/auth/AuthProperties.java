package com.healthcontent.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKeyFile where the token signing key is kept (AUTH_SIGNING_KEY_FILE); none: a new key per start
 * @param apiAudience    the audience access tokens name, which every service requires
 */
@ConfigurationProperties("platform.auth")
public record AuthProperties(
        String signingKeyFile,
        @DefaultValue("health-content-api") String apiAudience) {}
