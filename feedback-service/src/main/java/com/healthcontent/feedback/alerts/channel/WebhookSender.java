package com.healthcontent.feedback.alerts.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON POST to the subscriber's URL, signed so the receiver can check it came from us and was not changed:
 * {@code X-Signature-256: sha256=<hex HMAC-SHA256 of the body with the subscriber's secret>}. Any 2xx is delivered.
 */
@Component
class WebhookSender {

    static final String SIGNATURE_HEADER = "X-Signature-256";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper jsonMapper;
    private final WebhookTargets targets;

    WebhookSender(JsonMapper jsonMapper, WebhookTargets targets) {
        this.jsonMapper = jsonMapper;
        this.targets = targets;
    }

    void send(String url, String secret, AlertMessage message) throws IOException, InterruptedException {
        String refusal = targets.refusal(url);
        if (refusal != null) { // the name may resolve elsewhere now than when it was set: retried, then parked
            throw new IOException("webhook URL refused: " + refusal);
        }
        byte[] body = jsonMapper.writeValueAsBytes(Map.of(
                "recipient",
                message.recipient(),
                "alerts",
                message.alerts().stream()
                        .map(a -> Map.of(
                                "id",
                                a.id(),
                                "kind",
                                a.kind().name(),
                                "targetType",
                                a.targetType().name(),
                                "targetId",
                                a.targetId(),
                                "targetSlug",
                                a.targetSlug(),
                                "detail",
                                a.detail(),
                                "createdAt",
                                a.createdAt().toString()))
                        .toList()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered " + response.statusCode());
        }
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
