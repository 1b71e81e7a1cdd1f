package com.healthcontent.gateway.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The edge cache of anonymous public reads (values and their environment variables in application.yml).
 *
 * @param contentTtl   articles, exercises, pages: dropped at once by content events, so this bounds staleness only
 *                     while the broker is away
 * @param routinesTtl  routine lists, which have no events
 * @param summariesTtl helpfulness summaries, which change with every vote
 * @param size         the memory the cached bodies may take
 */
@ConfigurationProperties("platform.edge-cache")
public record EdgeCacheProperties(
        Duration contentTtl, Duration routinesTtl, Duration summariesTtl, DataSize size, Events events) {

    /** @param bootstrapServers the broker whose article and exercise events drop cached content */
    public record Events(boolean enabled, String bootstrapServers) {}
}
