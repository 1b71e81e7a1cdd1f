package com.healthcontent.auth.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What is kept of a client's address for abuse control and the audit trail: HMAC-SHA256 under a secret key
 * ({@code platform.audit.address-key}, AUDIT_ADDRESS_KEY, the same on every instance), so that the same address can
 * be recognised and counted while no stored value can be turned back into an address by trying them all.
 */
@Component
public class AddressHash {

    private final SecretKeySpec key;

    AddressHash(@Value("${platform.audit.address-key}") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String address) {
        if (address == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
