package com.healthcontent.auth.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts a new installation starts with ({@link FirstAccounts}).
 *
 * @param demoAccounts whether the demo staff are created at the first start (DEMO_ACCOUNTS; false in production)
 * @param demoPassword their password (DEMO_PASSWORD)
 * @param firstAdminUsername without demo accounts, the administrator created at the first start
 *     (FIRST_ADMIN_USERNAME)
 * @param firstAdminPassword their password (FIRST_ADMIN_PASSWORD, from a secret; at least 12 characters)
 * @param firstAdminEmail where their security alerts go (FIRST_ADMIN_EMAIL)
 * @param mailFrom the sender of staff e-mails (STAFF_MAIL_FROM)
 */
@ConfigurationProperties("platform.staff")
public record StaffSettings(
        boolean demoAccounts,
        String demoPassword,
        String firstAdminUsername,
        String firstAdminPassword,
        String firstAdminEmail,
        String mailFrom) {}
