package com.healthcontent.auth.passkey;

import com.healthcontent.auth.account.StaffAccounts;
import com.healthcontent.auth.audit.AuditTrail;
import java.util.LinkedHashSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkey registration and sign-in on the sign-in chain (Spring Security's WebAuthn endpoints: {@code POST
 * /webauthn/register/options}, {@code POST /webauthn/register}, {@code DELETE /webauthn/register/{id}}, {@code POST
 * /webauthn/authenticate/options}, {@code POST /login/webauthn}), with the passkeys in MongoDB, user verification
 * required (the device's PIN or biometric, so that a passkey is two factors), disabled accounts refused and every
 * sign-in audited ({@link PasskeySignIn}), and changes to a person's passkeys guarded ({@link PasskeyChanges}).
 */
@Configuration(proxyBeanMethods = false)
public class PasskeyCeremonies {

    /** The signature algorithms a new passkey may use (Spring Security's defaults). */
    static final PublicKeyCredentialParameters[] ALGORITHMS = {
        PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.RS256
    };

    private final Passkeys passkeys;
    private final StaffAccounts accounts;
    private final AuditTrail audit;

    PasskeyCeremonies(Passkeys passkeys, StaffAccounts accounts, AuditTrail audit) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyOperations(
            PasskeyHolders holders,
            PasskeySettings settings,
            @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer) {
        Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(
                holders,
                passkeys,
                PublicKeyCredentialRpEntity.builder()
                        .id(settings.rpIdOr(issuer))
                        .name(settings.rpName())
                        .build(),
                new LinkedHashSet<>(settings.allowedOriginsOr(issuer)));
        operations.setCustomizeCreationOptions(options -> options.pubKeyCredParams(ALGORITHMS)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .build()));
        operations.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }

    /** Turns passkeys on for the sign-in chain. */
    public void enable(HttpSecurity http, WebAuthnRelyingPartyOperations operations) throws Exception {
        PasskeySignIn signIn = new PasskeySignIn(operations, accounts, audit);
        http.addFilterBefore(new PasskeyChanges(passkeys), AuthorizationFilter.class);
        http.webAuthn((WebAuthnConfigurer<HttpSecurity> webAuthn) -> webAuthn.disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new CreationOptionsInSession())
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(new ProviderManager(signIn));
                        return filter;
                    }
                }));
    }
}
