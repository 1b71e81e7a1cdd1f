package com.healthcontent.feedback.abuse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param readerKeySecret    the server secret that readers' IP and user agent are hashed with; never stored with them
 * @param perMinute          submissions one reader may send per minute before 429
 * @param duplicateWindow    identical submissions within this window count once
 * @param maxLinks           comments with more links than this are flagged
 * @param amendWindow        how long after a vote the same reader may change it or add what was wrong
 */
@ConfigurationProperties("platform.feedback.abuse")
public record AbuseProperties(
        @DefaultValue("local-only-change-me") String readerKeySecret,
        @DefaultValue("10") int perMinute,
        @DefaultValue("10m") Duration duplicateWindow,
        @DefaultValue("2") int maxLinks,
        @DefaultValue("30m") Duration amendWindow) {}
