package com.healthcontent.auth.account;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff administration API, for administrators (the role is checked by the staff API's security chain):
 * accounts, invitations, roles, disabling, password resets. Refusals are RFC 9457 problems naming the field
 * ({@link StaffApiRefusals}).
 */
@RestController
@RequestMapping("/api/v1/staff/accounts")
class StaffAdministrationController {

    record Invitation(String username, String name, String credentials, String email, List<String> roles) {}

    record Roles(List<String> roles) {}

    record Invited(StaffAdministration.AccountView account, StaffAdministration.LinkView invitation) {}

    private final StaffAdministration administration;

    StaffAdministrationController(StaffAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    ResponseEntity<List<StaffAdministration.AccountView>> accounts() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(administration.all());
    }

    /** A new account without a password, and the one-time link (72 hours) with which its holder sets one. */
    @PostMapping
    ResponseEntity<Invited> invite(@RequestBody Invitation invitation, Principal admin) {
        StaffAdministration.LinkView link = administration.invite(
                invitation.username(),
                invitation.name(),
                invitation.credentials(),
                invitation.email(),
                invitation.roles(),
                admin.getName());
        StaffAdministration.AccountView account = administration.all().stream()
                .filter(found -> found.username().equals(invitation.username()))
                .findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/staff/accounts/" + account.username()))
                .cacheControl(CacheControl.noStore())
                .body(new Invited(account, link));
    }

    @PutMapping("/{username}/roles")
    StaffAdministration.AccountView roles(@PathVariable String username, @RequestBody Roles roles, Principal admin) {
        return administration.changeRoles(username, roles.roles(), admin.getName());
    }

    @PostMapping("/{username}/disablement")
    StaffAdministration.AccountView disable(@PathVariable String username, Principal admin) {
        return administration.disable(username, admin.getName());
    }

    @DeleteMapping("/{username}/disablement")
    StaffAdministration.AccountView enable(@PathVariable String username, Principal admin) {
        return administration.enable(username, admin.getName());
    }

    @PostMapping("/{username}/password-reset")
    ResponseEntity<StaffAdministration.LinkView> resetPassword(@PathVariable String username, Principal admin) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(administration.resetPassword(username, admin.getName()));
    }

    record PasswordChange(String currentPassword, String newPassword) {}

    /** Any signed-in staff member, for their own account (the one path under the staff API that is not ADMIN's). */
    @PostMapping(path = "/me/password", produces = "application/json")
    ResponseEntity<Void> changeOwnPassword(@RequestBody PasswordChange change, Principal me) {
        administration.changeOwnPassword(me.getName(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
