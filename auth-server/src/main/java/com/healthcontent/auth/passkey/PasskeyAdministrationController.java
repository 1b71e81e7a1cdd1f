package com.healthcontent.auth.passkey;

import com.healthcontent.auth.account.StaffAccounts;
import com.healthcontent.auth.account.StaffAdministration;
import java.security.Principal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passkeys in the staff administration API (administrators only, like the rest of it): which roles must sign in
 * with one, and a person's passkeys, which an administrator can remove when the person has lost their device (they
 * then sign in with their password and add a new one).
 */
@RestController
class PasskeyAdministrationController {

    record PolicyChange(List<String> rolesRequiringPasskey) {}

    record Removed(int removed) {}

    private final PasskeyPolicy policy;
    private final Passkeys passkeys;
    private final StaffAccounts accounts;

    PasskeyAdministrationController(PasskeyPolicy policy, Passkeys passkeys, StaffAccounts accounts) {
        this.policy = policy;
        this.passkeys = passkeys;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/staff/passkey-policy")
    ResponseEntity<PasskeyPolicy.View> policy() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(policy.current());
    }

    @PutMapping("/api/v1/staff/passkey-policy")
    PasskeyPolicy.View changePolicy(@RequestBody PolicyChange change, Principal admin) {
        return policy.change(change.rolesRequiringPasskey(), admin.getName());
    }

    @GetMapping("/api/v1/staff/accounts/{username}/passkeys")
    ResponseEntity<List<Passkeys.PasskeyView>> passkeys(@PathVariable String username) {
        requireAccount(username);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(passkeys.of(username));
    }

    @DeleteMapping("/api/v1/staff/accounts/{username}/passkeys")
    Removed removePasskeys(@PathVariable String username, Principal admin) {
        requireAccount(username);
        return new Removed(passkeys.removeAll(username, admin.getName()));
    }

    private void requireAccount(String username) {
        if (accounts.find(username).isEmpty()) {
            throw new StaffAdministration.Refused(404, null, "no staff account " + username);
        }
    }
}
