package com.healthcontent.auth.passkey;

import com.healthcontent.auth.account.StaffAdministration;
import com.healthcontent.auth.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * Which roles must sign in with a passkey, an administrator's setting shared by every instance. A passkey asks for
 * the device and its PIN or biometric (user verification is required), so it is a second factor in itself; a person
 * holding one of these roles who signs in with a password only gets no token until they also use their passkey.
 * None by default, so that a new installation (and the demo) signs in with passwords.
 */
@Service
public class PasskeyPolicy {

    @Document("staff_policies")
    record StoredPolicy(@Id String id, Set<String> rolesRequiringPasskey, String changedBy, Instant changedAt) {}

    /** The setting as the API shows it. */
    public record View(List<String> rolesRequiringPasskey, String changedBy, Instant changedAt) {}

    private static final String ID = "passkeys";

    private final MongoTemplate mongoTemplate;
    private final AuditTrail audit;
    private final Clock clock;

    PasskeyPolicy(MongoTemplate mongoTemplate, AuditTrail audit, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.audit = audit;
        this.clock = clock;
    }

    public View current() {
        StoredPolicy stored = mongoTemplate.findById(ID, StoredPolicy.class);
        return stored == null
                ? new View(List.of(), null, null)
                : new View(
                        List.copyOf(new TreeSet<>(stored.rolesRequiringPasskey())),
                        stored.changedBy(),
                        stored.changedAt());
    }

    /** The roles of {@code held} that require a passkey; empty when a password is enough. */
    public Set<String> requiredBy(Collection<String> held) {
        Set<String> required = new TreeSet<>(current().rolesRequiringPasskey());
        required.retainAll(held);
        return required;
    }

    public View change(List<String> roles, String by) {
        if (roles == null) {
            throw new StaffAdministration.Refused(
                    400, "rolesRequiringPasskey", "a list of roles (possibly empty) is required");
        }
        Set<String> checked = new TreeSet<>(StaffAdministration.knownRoles("rolesRequiringPasskey", roles));
        mongoTemplate.save(new StoredPolicy(ID, checked, by, clock.instant()));
        audit.record("PASSKEY_POLICY_CHANGED", by, null, null, Map.of("roles", String.join(",", checked)));
        return current();
    }
}
