package com.healthcontent.editorial;

import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.servicedefaults.ServiceDefaultsAutoConfiguration;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** What a content service gets by depending on this module: the staff directory, kept fresh in the background. */
@AutoConfiguration(after = ServiceDefaultsAutoConfiguration.class)
@EnableScheduling
public class EditorialAutoConfiguration {

    @Bean
    StaffDirectory staffDirectory(MongoTemplate mongoTemplate, Clock clock,
            @Value("${platform.staff.directory-url:http://localhost:9000/api/v1/staff}") URI source,
            @Value("${platform.staff.refresh-interval:60s}") Duration refreshInterval) {
        return new StaffDirectory(mongoTemplate, source, refreshInterval, clock);
    }
}
