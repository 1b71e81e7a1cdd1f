package com.healthcontent.auth.signin;

import com.healthcontent.auth.account.StaffAccounts;
import com.healthcontent.auth.account.StaffMail;
import com.healthcontent.auth.audit.AddressHash;
import com.healthcontent.auth.audit.AuditEntry;
import com.healthcontent.auth.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in, throttled ({@link SignInLimits}) and audited. The password is checked before anything about the
 * account (disabled, say), so that an answer takes the same time and says the same thing ("Bad credentials")
 * whether the account exists, is disabled or not; an attempt refused by the throttle is refused before its
 * password is checked, with when to try again, for existing and unknown names alike.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final AddressHash addressHash;
    private final StaffMail mail;
    private final Clock clock;

    ThrottledSignIn(
            StaffAccounts accounts,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            AuditTrail audit,
            AddressHash addressHash,
            StaffMail mail,
            Clock clock) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwords.setUserDetailsPasswordService(accounts);
        this.passwords.setPreAuthenticationChecks(user -> {}); // moved after the password check
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
        this.audit = audit;
        this.addressHash = addressHash;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        String hashedAddress = addressHash.of(address);
        Optional<SignInThrottle.Refusal> refusal = throttle.check(username, hashedAddress);
        if (refusal.isPresent()) {
            audit.record(AuditEntry.SIGN_IN_THROTTLED, username, username, address, Map.of());
            // Spring Security's own type: the sign-in session keeps it, and only such types are read back from the
            // store;
            // an AccountStatusException, so that no other provider tries the password instead
            throw new LockedException(tryAgainIn(refusal.get()));
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(username);
            audit.record(AuditEntry.SIGN_IN_SUCCEEDED, username, username, address, Map.of("method", "password"));
            return signedIn;
        } catch (BadCredentialsException | AccountStatusException refused) {
            boolean lockedOut = throttle.failed(username, hashedAddress);
            audit.record(
                    AuditEntry.SIGN_IN_FAILED,
                    username,
                    username,
                    address,
                    Map.of("reason", refused instanceof BadCredentialsException ? "password" : "account"));
            if (lockedOut) {
                audit.record(AuditEntry.LOCKED_OUT, "system", username, address, Map.of());
                log.warn("A staff account was locked after repeated failed sign-ins (see the audit trail)");
                mail.lockedOut(username);
            }
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String tryAgainIn(SignInThrottle.Refusal refusal) {
        Duration wait = Duration.between(clock.instant(), refusal.until());
        long seconds = Math.max(1, wait.toSeconds() + 1);
        String when = seconds < 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
        return refusal.lockedOut()
                ? "Too many failed sign-ins: this account is locked. Try again in " + when + "."
                : "Too many failed sign-ins. Try again in " + when + ".";
    }
}
