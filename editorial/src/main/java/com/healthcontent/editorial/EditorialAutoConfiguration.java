package com.healthcontent.editorial;

import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.editorial.staff.StaffDirectoryProperties;
import com.healthcontent.servicedefaults.ServiceDefaultsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What a content service gets by depending on this module: the staff directory, kept fresh in the background, and
 * the review policy ({@code platform.review.*}: when approved content falls due for review again).
 */
@AutoConfiguration(after = ServiceDefaultsAutoConfiguration.class)
@EnableScheduling
@EnableConfigurationProperties({StaffDirectoryProperties.class, ReviewPolicy.class})
public class EditorialAutoConfiguration {

    @Bean
    RevisionArchive revisionArchive(MongoTemplate mongoTemplate, MeterRegistry meterRegistry) {
        return new RevisionArchive(mongoTemplate, meterRegistry);
    }

    @Bean
    StaffDirectory staffDirectory(MongoTemplate mongoTemplate, Clock clock, StaffDirectoryProperties properties) {
        return new StaffDirectory(mongoTemplate, properties.directoryUrl(), properties.refreshInterval(), clock);
    }
}
