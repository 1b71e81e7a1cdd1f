package com.healthcontent.auth.passkey;

import com.healthcontent.auth.account.StaffAccounts;
import com.healthcontent.auth.audit.AuditEntry;
import com.healthcontent.auth.audit.AuditTrail;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Passkey sign-in: Spring Security's check of the passkey's signature, then what it leaves out. A disabled account is
 * refused (Spring Security's provider only loads the person's roles), and every attempt is in the audit trail like a
 * password sign-in. No throttle: a passkey cannot be guessed, and a locked-out password must not lock out its owner's
 * passkey. Not a bean: as the only AuthenticationProvider bean, the password sign-in ({@code ThrottledSignIn}) is
 * the one Spring Security uses for the sign-in form.
 */
final class PasskeySignIn implements AuthenticationProvider {

    private final WebAuthnAuthenticationProvider passkeys;
    private final StaffAccounts accounts;
    private final AuditTrail audit;

    PasskeySignIn(WebAuthnRelyingPartyOperations operations, StaffAccounts accounts, AuditTrail audit) {
        this.passkeys = new WebAuthnAuthenticationProvider(operations, accounts);
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = clientAddress();
        Authentication signedIn;
        try {
            signedIn = passkeys.authenticate(attempt);
        } catch (AuthenticationException refused) {
            audit.record(
                    AuditEntry.SIGN_IN_FAILED, null, null, address, Map.of("method", "passkey", "reason", "passkey"));
            throw refused;
        }
        String username = signedIn.getName();
        if (!accounts.isEnabled(username)) {
            audit.record(
                    AuditEntry.SIGN_IN_FAILED,
                    username,
                    username,
                    address,
                    Map.of("method", "passkey", "reason", "account"));
            throw new DisabledException("This account is disabled");
        }
        audit.record(AuditEntry.SIGN_IN_SUCCEEDED, username, username, address, Map.of("method", "passkey"));
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }
}
