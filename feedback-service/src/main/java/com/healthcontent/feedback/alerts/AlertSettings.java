package com.healthcontent.feedback.alerts;

import com.healthcontent.feedback.alerts.channel.WebhookTargets;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** How each staff member wants to be alerted beyond the inbox and live stream: the defaults until they say. */
@Service
public class AlertSettings {

    private final MongoTemplate mongoTemplate;
    private final WebhookTargets webhookTargets;

    AlertSettings(MongoTemplate mongoTemplate, WebhookTargets webhookTargets) {
        this.mongoTemplate = mongoTemplate;
        this.webhookTargets = webhookTargets;
    }

    public AlertPreferences of(String username) {
        AlertPreferences stored = mongoTemplate.findById(username, AlertPreferences.class);
        return stored != null ? stored : AlertPreferences.defaults(username);
    }

    /** A webhook must reach the public internet; it gets a signing secret when first set, kept while it stays set. */
    AlertPreferences save(String username, PreferencesRequest request) {
        if (request.webhookUrl() != null && !request.webhookUrl().isBlank()) {
            webhookTargets.requirePublic(request.webhookUrl().strip());
        }
        AlertPreferences current = of(username);
        String secret = request.webhookUrl() == null
                ? null
                : current.webhookSecret() != null
                        ? current.webhookSecret()
                        : UUID.randomUUID().toString();
        return mongoTemplate.save(new AlertPreferences(
                username,
                blankToNull(request.email()),
                blankToNull(request.webhookUrl()),
                secret,
                Boolean.TRUE.equals(request.dailyDigest()),
                request.timeZone(),
                request.quietFrom(),
                request.quietUntil(),
                request.digestAt()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
