package com.healthcontent.auth.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in progress in the sign-in session, between the browser asking for
 * them and sending the new passkey back. Spring Security's own repository keeps the options object itself, which is
 * not serializable, while our sessions live in the shared store so that any instance can finish the ceremony: this
 * one keeps what checking the new passkey needs (challenge, relying party, person, user verification) as strings.
 */
final class CreationOptionsInSession implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = CreationOptionsInSession.class.getName();

    @Override
    public void save(
            HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        HashMap<String, String> kept = new HashMap<>();
        kept.put("challenge", options.getChallenge().toBase64UrlString());
        kept.put("rpId", options.getRp().getId());
        kept.put("rpName", options.getRp().getName());
        kept.put("userId", options.getUser().getId().toBase64UrlString());
        kept.put("userName", options.getUser().getName());
        kept.put("userDisplayName", options.getUser().getDisplayName());
        // as PasskeyCeremonies asks for them: user verification and a discoverable passkey required
        kept.put(
                "userVerification",
                options.getAuthenticatorSelection().getUserVerification().getValue());
        kept.put("timeout", options.getTimeout().toString());
        request.getSession().setAttribute(ATTRIBUTE, kept);
    }

    @Override
    @SuppressWarnings("unchecked")
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Map<?, ?> stored)) {
            return null;
        }
        Map<String, String> kept = (Map<String, String>) stored;
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder()
                        .id(kept.get("rpId"))
                        .name(kept.get("rpName"))
                        .build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(Bytes.fromBase64(kept.get("userId")))
                        .name(kept.get("userName"))
                        .displayName(kept.get("userDisplayName"))
                        .build())
                .challenge(Bytes.fromBase64(kept.get("challenge")))
                .pubKeyCredParams(PasskeyCeremonies.ALGORITHMS)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .userVerification(userVerification(kept.get("userVerification")))
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .build())
                .timeout(Duration.parse(kept.get("timeout")))
                .build();
    }

    private static UserVerificationRequirement userVerification(String value) {
        return switch (value) {
            case "discouraged" -> UserVerificationRequirement.DISCOURAGED;
            case "preferred" -> UserVerificationRequirement.PREFERRED;
            default -> UserVerificationRequirement.REQUIRED;
        };
    }
}
