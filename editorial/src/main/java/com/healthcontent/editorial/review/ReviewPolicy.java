package com.healthcontent.editorial.review;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When approved content is due for its next medical review: {@code interval} after the approval, moved by up to
 * {@code spread} either way (stable per item) so that a batch approved on one day does not fall due on one day.
 */
@ConfigurationProperties("platform.review")
public record ReviewPolicy(
        @DefaultValue("365d") Duration interval,
        @DefaultValue("14d") Duration spread) {

    public Instant nextReviewDue(String contentId, Instant approvedAt) {
        long spreadHours = spread.toHours();
        long offsetHours =
                spreadHours == 0 ? 0 : Math.floorMod(contentId.hashCode(), 2 * spreadHours + 1) - spreadHours;
        return approvedAt.plus(interval).plus(Duration.ofHours(offsetHours));
    }
}
