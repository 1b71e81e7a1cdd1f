package com.healthcontent.editorial.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How approval records are signed ({@code platform.approval.*}).
 *
 * @param signingKeyFile the JWK set the records are signed with (APPROVAL_SIGNING_KEY_FILE), created there at first
 *     start when missing; every instance of article-service and exercise-service must be given the same one. None: a
 *     key per process, whose records no longer verify after a restart (for tests only)
 * @param issuer who signs, as the records name it (APPROVAL_ISSUER): the platform's public address
 */
@ConfigurationProperties("platform.approval")
public record ApprovalProperties(String signingKeyFile, String issuer) {}
