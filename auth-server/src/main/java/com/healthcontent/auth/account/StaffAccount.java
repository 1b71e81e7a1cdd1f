package com.healthcontent.auth.account;

import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.events.PublishesEvents;
import com.healthcontent.events.StaffAccountChanged;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in to run the platform: their public name and credentials (what readers see on pages they
 * wrote or reviewed), the address their invitation, reset links and security alerts go to, their roles, whether they may sign in at all, and their password as a hash (Spring Security's
 * delegating format, {@code {bcrypt}...}). Who created the account and when is kept for the audit trail.
 */
@Document("staff_accounts")
@PublishesEvents
public record StaffAccount(
        @Id String username,
        String name,
        String credentials,
        String email,
        Set<String> roles,
        boolean enabled,
        String passwordHash,
        Instant createdAt,
        String createdBy,
        @Version Long version) {

    /** The roles staff can hold; a token carries them in its {@code roles} claim. */
    public static final List<String> ROLES = List.of("AUTHOR", "EDITOR", "MEDICAL_REVIEWER", "ADMIN");

    /** Roles that write, edit or review content: the people the content services' staff directories list. */
    static final Set<String> CONTENT_ROLES = Set.of("AUTHOR", "EDITOR", "MEDICAL_REVIEWER");

    public StaffAccount {
        roles = Set.copyOf(roles);
        if (!ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("unknown roles in " + roles + "; staff roles are " + ROLES);
        }
    }

    boolean hasContentRole() {
        return roles.stream().anyMatch(CONTENT_ROLES::contains);
    }

    StaffAccount withRoles(Set<String> newRoles) {
        return new StaffAccount(
                username, name, credentials, email, newRoles, enabled, passwordHash, createdAt, createdBy, version);
    }

    StaffAccount withEnabled(boolean nowEnabled) {
        return new StaffAccount(
                username, name, credentials, email, roles, nowEnabled, passwordHash, createdAt, createdBy, version);
    }

    /**
     * This account as the services' staff directories show it changed (INVITED, ROLES_CHANGED, DISABLED, ENABLED):
     * they fetch the directory again at once instead of at their next poll.
     */
    IntegrationEvent changed(String change, Instant at) {
        return new IntegrationEvent(
                EventType.STAFF_ACCOUNT_CHANGED, username, username, new StaffAccountChanged(username, change, at));
    }
}
