package com.healthcontent.auth.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts a new installation starts with, created at the first start when there is no account yet: the demo
 * staff of API.md (demo/staff.json, each with the demo password) where demo accounts are wanted ({@code
 * platform.staff.demo-accounts}, DEMO_ACCOUNTS), otherwise one administrator named by the operator
 * (FIRST_ADMIN_USERNAME, FIRST_ADMIN_PASSWORD). Never again after that: accounts are the administrators' to manage.
 *
 * <p>Created before the web server takes its first request, not after (as an application runner would): the services
 * copy the staff directory as soon as this server answers, and a copy taken between the two knew nobody, so the
 * demo content's first submission to dr.rao was refused until the copy's next refresh.
 */
@Component
class FirstAccounts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);

    record Member(String username, String name, String credentials, String email, List<String> roles) {}

    private final StaffAccounts accounts;
    private final StaffSettings settings;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    FirstAccounts(StaffAccounts accounts, StaffSettings settings, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            createWhenThereAreNone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createWhenThereAreNone() throws IOException {
        if (accounts.any()) {
            return;
        }
        if (!settings.demoAccounts()) {
            createFirstAdministrator();
            return;
        }
        String hash = passwordEncoder.encode(settings.demoPassword());
        int created = 0;
        for (Member member : members()) {
            boolean added = accounts.create(new StaffAccount(
                    member.username(),
                    member.name(),
                    member.credentials(),
                    member.email(),
                    Set.copyOf(member.roles()),
                    true,
                    hash,
                    clock.instant(),
                    "demo",
                    null));
            created += added ? 1 : 0;
        }
        log.info("{} demo staff accounts created, each with the demo password", created);
    }

    private void createFirstAdministrator() {
        if (settings.firstAdminUsername() == null
                || settings.firstAdminUsername().isBlank()) {
            log.warn("No staff account exists and no first administrator is configured: nobody can sign in. Set"
                    + " FIRST_ADMIN_USERNAME and FIRST_ADMIN_PASSWORD (a secret) and restart.");
            return;
        }
        if (settings.firstAdminPassword() == null
                || settings.firstAdminPassword().length() < 12) {
            throw new IllegalStateException("FIRST_ADMIN_PASSWORD must have at least 12 characters");
        }
        accounts.create(new StaffAccount(
                settings.firstAdminUsername(),
                settings.firstAdminUsername(),
                null,
                settings.firstAdminEmail(),
                Set.of("ADMIN"),
                true,
                passwordEncoder.encode(settings.firstAdminPassword()),
                clock.instant(),
                "first start",
                null));
        log.info("The first administrator account was created");
    }

    private static List<Member> members() throws IOException {
        try (InputStream in = new ClassPathResource("demo/staff.json").getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<Member>>() {});
        }
    }
}
