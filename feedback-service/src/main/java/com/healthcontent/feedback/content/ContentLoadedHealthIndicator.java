package com.healthcontent.feedback.content;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code contentLoaded}, this service's readiness in place of MongoDB's: an instance takes
 * readers' answers once it knows what is published, and keeps taking them while MongoDB is away (they wait in Kafka
 * until it is back). One that never loaded the content would answer 404 for every live item, so it stays unready.
 */
@Component
class ContentLoadedHealthIndicator implements HealthIndicator {

    private final PublishedContents contents;

    ContentLoadedHealthIndicator(PublishedContents contents) {
        this.contents = contents;
    }

    @Override
    public Health health() {
        return contents.loaded() ? Health.up().build() : Health.outOfService().build();
    }
}
