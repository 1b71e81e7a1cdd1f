package com.healthcontent.feedback.alerts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dropWindow       the window of the helpfulness-drop rule (it slides in steps of a twelfth)
 * @param dropMinimum      at least this many not-helpful votes in the window...
 * @param dropMaxHelpful   ...and a helpful share below this, alert (once per window per item)
 * @param streamHeartbeat  a comment on every live stream this often, so proxies keep it open
 * @param webhookAllowedHosts hosts a webhook may point to although they are not public (an internal receiver, or
 *                         localhost for development); every other webhook must resolve to public addresses only
 * @param mailFrom         the sender of alert e-mails (ALERT_MAIL_FROM, in application.yml)
 * @param deliveryAttempts e-mail and webhook attempts before a delivery is parked for an admin
 * @param deliveryBackoff  the wait after the first failed attempt, doubled after each
 */
@ConfigurationProperties("platform.feedback.alerts")
public record AlertProperties(
        @DefaultValue("1h") Duration dropWindow,
        @DefaultValue("5") int dropMinimum,
        @DefaultValue("0.5") double dropMaxHelpful,
        @DefaultValue("15s") Duration streamHeartbeat,
        @DefaultValue List<String> webhookAllowedHosts,
        String mailFrom,
        @DefaultValue("5") int deliveryAttempts,
        @DefaultValue("2s") Duration deliveryBackoff) {}
