package com.healthcontent.feedback.abuse;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Who a reader is, for abuse control only: an HMAC of their IP address and user agent under a server secret.
 * The raw values are never stored or logged, and without the secret the hash cannot be tied back to them.
 */
@Component
public class ReaderKey {

    private final SecretKeySpec key;

    ReaderKey(AbuseProperties properties) {
        this.key = new SecretKeySpec(properties.readerKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String ipAddress, String userAgent) {
        return hash(ipAddress + "\n" + (userAgent == null ? "" : userAgent));
    }

    /** A keyed hash of any text, e.g. to derive a deduplication key without keeping the parts. */
    public String hash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
