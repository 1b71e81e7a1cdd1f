package com.healthcontent.editorial;

import com.healthcontent.editorial.approval.ApprovalKeysController;
import com.healthcontent.editorial.approval.ApprovalProperties;
import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.review.ReviewPolicy;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.editorial.staff.StaffDirectoryProperties;
import com.healthcontent.provenance.ApprovalKeys;
import com.healthcontent.servicedefaults.ServiceDefaultsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What a content service gets by depending on this module: the staff directory, kept fresh in the background, and
 * the review policy ({@code platform.review.*}: when approved content falls due for review again), the revision
 * archive and the keys its approval records are signed with ({@code platform.approval.*}), published for verifiers.
 */
@AutoConfiguration(after = ServiceDefaultsAutoConfiguration.class)
@EnableScheduling
@EnableConfigurationProperties({StaffDirectoryProperties.class, ReviewPolicy.class, ApprovalProperties.class})
public class EditorialAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EditorialAutoConfiguration.class);

    @Bean
    ApprovalKeys approvalKeys(ApprovalProperties properties) {
        if (properties.signingKeyFile() == null || properties.signingKeyFile().isBlank()) {
            log.warn("Approval records are signed with a key of this process only: they stop verifying when it"
                    + " restarts and differ between instances. Set APPROVAL_SIGNING_KEY_FILE for anything but tests.");
            return ApprovalKeys.generate();
        }
        return ApprovalKeys.loadOrCreate(Path.of(properties.signingKeyFile()));
    }

    @Bean
    ApprovalKeysController approvalKeysController(ApprovalKeys approvalKeys) {
        return new ApprovalKeysController(approvalKeys);
    }

    @Bean
    RevisionArchive revisionArchive(
            MongoTemplate mongoTemplate,
            MeterRegistry meterRegistry,
            ApprovalKeys approvalKeys,
            ApprovalProperties approvalProperties,
            Clock clock) {
        return new RevisionArchive(mongoTemplate, meterRegistry, approvalKeys, approvalProperties.issuer(), clock);
    }

    @Bean
    StaffDirectory staffDirectory(MongoTemplate mongoTemplate, Clock clock, StaffDirectoryProperties properties) {
        return new StaffDirectory(mongoTemplate, properties.directoryUrl(), properties.refreshInterval(), clock);
    }
}
