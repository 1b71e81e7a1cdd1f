package com.healthcontent.servicedefaults;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code platform.*} settings every service shares; defaults here or, where an environment variable of its own
 * names a setting, in {@code service-defaults.yml} (never both).
 */
@ConfigurationProperties("platform")
public record ServiceProperties(
        Http http,
        @DefaultValue Mongo mongo,
        Api api,
        @DefaultValue Security security) {

    /** @param maxBodySize requests with a larger body are refused (413): MAX_BODY_SIZE */
    public record Http(DataSize maxBodySize) {}

    /** @param serverSelectionTimeout how long a request waits for an unreachable MongoDB before its 503 */
    public record Mongo(@DefaultValue("5s") Duration serverSelectionTimeout) {}

    /** The OpenAPI document's title (the service's name unless set), description and version. */
    public record Api(
            String title,
            @DefaultValue("") String description,
            @DefaultValue("v1") String version) {}

    /**
     * @param anonymousPosts the few writes readers make without signing in, e.g. {@code /api/v1/feedback}
     * @param verifiedTokens how many verified access tokens are held, and for how long at most
     */
    public record Security(
            @DefaultValue List<String> anonymousPosts,
            @DefaultValue VerifiedTokens verifiedTokens) {}

    public record VerifiedTokens(
            @DefaultValue("10000") long size,
            @DefaultValue("5m") Duration maximumAge) {}
}
