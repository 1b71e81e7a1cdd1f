package com.healthcontent.feedback.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long feedback-service keeps what piles up with every reader and alert.
 *
 * @param votes      a vote without a problem reason, after it was given: it is counted in the item's summary, which
 *                   stays; the vote itself is only needed for a change of mind (30 minutes) and abuse checks
 * @param reports    a problem report, after it was submitted (triaged or not): its comment may hold personal data
 * @param alerts     an alert in a person's inbox, after it was raised, read or not
 * @param deliveries an e-mail or webhook delivery, after it was sent or given up (parked); pending ones stay
 */
@ConfigurationProperties("platform.feedback.retention")
public record RetentionProperties(
        @DefaultValue("90d") Duration votes,
        @DefaultValue("730d") Duration reports,
        @DefaultValue("180d") Duration alerts,
        @DefaultValue("30d") Duration deliveries) {}
