package com.healthcontent.auth.account;

import com.healthcontent.auth.audit.AuditTrail;
import com.healthcontent.auth.store.StoredAuthorizations;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.sessions.StoredSessions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What administrators do to staff accounts, each step in the audit trail: invite a person (an account without a
 * password and a one-time link to set one), change roles, disable (every session and refresh token of theirs ends at
 * once; an access token already issued stops working within its lifetime) and enable again, send a password reset
 * link. The last enabled administrator can be neither disabled nor demoted, so the platform always has one.
 */
@Service
public class StaffAdministration {

    /** A refusal that names what was wrong: a field (400), a conflict (409) or an account that does not exist. */
    public static class Refused extends RuntimeException {

        final String field;
        final int status;

        public Refused(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    /** An account as administrators see it: never its password hash. */
    public record AccountView(
            String username,
            String name,
            String credentials,
            String email,
            List<String> roles,
            boolean enabled,
            boolean hasPassword) {

        static AccountView of(StaffAccount account) {
            return new AccountView(
                    account.username(),
                    account.name(),
                    account.credentials(),
                    account.email(),
                    account.roles().stream().sorted().toList(),
                    account.enabled(),
                    account.passwordHash() != null);
        }
    }

    /** What an invitation or a reset hands the administrator to pass on: the link and when it stops working. */
    public record LinkView(String url, Instant expiresAt) {}

    private final StaffAccounts accounts;
    private final OneTimeLinks links;
    private final PasswordRules passwordRules;
    private final PasswordEncoder passwordEncoder;
    private final StoredAuthorizations authorizations;
    private final StoredSessions sessions;
    private final AuditTrail audit;
    private final StaffMail mail;
    private final MongoTemplate mongoTemplate;
    private final Clock clock;
    private final String publicUrl;

    StaffAdministration(
            StaffAccounts accounts,
            OneTimeLinks links,
            PasswordRules passwordRules,
            PasswordEncoder passwordEncoder,
            StoredAuthorizations authorizations,
            StoredSessions sessions,
            AuditTrail audit,
            StaffMail mail,
            MongoTemplate mongoTemplate,
            Clock clock,
            @Value("${spring.security.oauth2.authorizationserver.issuer}") String publicUrl) {
        this.accounts = accounts;
        this.links = links;
        this.passwordRules = passwordRules;
        this.passwordEncoder = passwordEncoder;
        this.authorizations = authorizations;
        this.sessions = sessions;
        this.audit = audit;
        this.mail = mail;
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public List<AccountView> all() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    public LinkView invite(
            String username, String name, String credentials, String email, List<String> roles, String by) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw new Refused(400, "username", "3 to 64 lowercase letters, digits, dots, hyphens or underscores");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new Refused(400, "name", "the name readers and colleagues see, up to 200 characters");
        }
        if (email == null || email.length() > 254 || !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}")) {
            throw new Refused(400, "email", "the address the invitation and security alerts go to");
        }
        Set<String> checked = checkedRoles(roles);
        StaffAccount account = new StaffAccount(
                username,
                name.strip(),
                blankToNull(credentials),
                email,
                checked,
                true,
                null,
                clock.instant(),
                by,
                null);
        if (!accounts.create(account, account.changed("INVITED", account.createdAt()))) {
            throw new Refused(409, "username", "the username " + username + " is taken");
        }
        audit.record("INVITED", by, username, null, Map.of("roles", String.join(",", new TreeSet<>(checked))));
        LinkView link = link(username, OneTimeLinks.Purpose.INVITATION, by);
        mail.invitation(account, link);
        return link;
    }

    public AccountView changeRoles(String username, List<String> roles, String by) {
        StaffAccount account = existing(username);
        Set<String> checked = checkedRoles(roles);
        if (account.roles().contains("ADMIN") && !checked.contains("ADMIN")) {
            requireAnotherAdministrator(username);
        }
        store(account.withRoles(checked), account.changed("ROLES_CHANGED", clock.instant()));
        audit.record("ROLES_CHANGED", by, username, null, Map.of("roles", String.join(",", new TreeSet<>(checked))));
        return AccountView.of(existing(username));
    }

    public AccountView disable(String username, String by) {
        StaffAccount account = existing(username);
        if (account.roles().contains("ADMIN")) {
            requireAnotherAdministrator(username);
        }
        store(account.withEnabled(false), account.changed("DISABLED", clock.instant()));
        sessions.deleteByPrincipal(username);
        authorizations.removeAllOf(username);
        audit.record("DISABLED", by, username, null, Map.of());
        return AccountView.of(existing(username));
    }

    public AccountView enable(String username, String by) {
        StaffAccount account = existing(username);
        store(account.withEnabled(true), account.changed("ENABLED", clock.instant()));
        audit.record("ENABLED", by, username, null, Map.of());
        return AccountView.of(existing(username));
    }

    public LinkView resetPassword(String username, String by) {
        StaffAccount account = existing(username);
        audit.record("PASSWORD_RESET_SENT", by, username, null, Map.of());
        LinkView link = link(username, OneTimeLinks.Purpose.PASSWORD_RESET, by);
        mail.passwordReset(account, link);
        return link;
    }

    /** Whose link this is, to greet them on its page; empty when it cannot be used. */
    Optional<String> linkHolder(String token) {
        return links.holder(token);
    }

    /**
     * Sets the password of the link's holder and spends the link; any session or token they had ends, since whoever
     * had the old password may have had them too. The link stays usable when the password is refused.
     */
    void setPasswordWithLink(String token, String password, String address) {
        String username = links.holder(token).orElseThrow(() -> new Refused(410, null, "link"));
        passwordRules.problemWith(password, username).ifPresent(problem -> {
            throw new Refused(400, "password", "The password " + problem + ".");
        });
        links.spend(token).orElseThrow(() -> new Refused(410, null, "link"));
        set(username, new Update().set("passwordHash", passwordEncoder.encode(password)));
        sessions.deleteByPrincipal(username);
        authorizations.removeAllOf(username);
        audit.record("PASSWORD_SET", username, username, address, Map.of("by", "one-time link"));
    }

    /**
     * A person changes their own password, giving the current one; their other sessions and refresh tokens end (the
     * access token they are using runs out within its lifetime).
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        StaffAccount account = existing(username);
        if (account.passwordHash() == null
                || currentPassword == null
                || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new Refused(400, "currentPassword", "That is not your current password.");
        }
        passwordRules.problemWith(newPassword, username).ifPresent(problem -> {
            throw new Refused(400, "newPassword", "The password " + problem + ".");
        });
        set(username, new Update().set("passwordHash", passwordEncoder.encode(newPassword)));
        sessions.deleteByPrincipal(username);
        authorizations.removeAllOf(username);
        audit.record("PASSWORD_SET", username, username, null, Map.of("by", "themselves"));
    }

    private LinkView link(String username, OneTimeLinks.Purpose purpose, String by) {
        OneTimeLinks.Link link = links.issue(username, purpose, by);
        return new LinkView(publicUrl + "/invitations/" + link.token(), link.expiresAt());
    }

    private StaffAccount existing(String username) {
        return accounts.find(username).orElseThrow(() -> new Refused(404, null, "no staff account " + username));
    }

    private void requireAnotherAdministrator(String username) {
        long others = mongoTemplate.count(
                Query.query(Criteria.where("roles")
                        .is("ADMIN")
                        .and("enabled")
                        .is(true)
                        .and("_id")
                        .ne(username)),
                StaffAccount.class);
        if (others == 0) {
            throw new Refused(409, null, username + " is the last administrator: make someone else one first");
        }
    }

    /** An administrator's change with its event; two administrators changing one account at once: the second 409. */
    private void store(StaffAccount changed, IntegrationEvent event) {
        try {
            accounts.save(changed, event);
        } catch (OptimisticLockingFailureException concurrently) {
            throw new Refused(
                    409, null, "the account " + changed.username() + " changed at the same moment; try again");
        }
    }

    private void set(String username, Update update) {
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(username)), update.inc("version", 1), StaffAccount.class);
    }

    private static Set<String> checkedRoles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new Refused(400, "roles", "at least one of " + StaffAccount.ROLES);
        }
        return knownRoles("roles", roles);
    }

    /** The roles as given, every one a staff role; otherwise 400 naming the first unknown one ({@code field[i]}). */
    public static Set<String> knownRoles(String field, List<String> roles) {
        for (int i = 0; i < roles.size(); i++) {
            if (!StaffAccount.ROLES.contains(roles.get(i))) {
                throw new Refused(
                        400, field + "[" + i + "]", "no role " + roles.get(i) + "; roles are " + StaffAccount.ROLES);
            }
        }
        return Set.copyOf(roles);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
