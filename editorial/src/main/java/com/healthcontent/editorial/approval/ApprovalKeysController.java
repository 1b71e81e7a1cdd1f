package com.healthcontent.editorial.approval;

import com.healthcontent.provenance.ApprovalKeys;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys approval records verify under, for anyone checking a page (JWK set, RFC 7517). */
@RestController
@Tag(
        name = "Provenance",
        description = "The keys that verify the platform's signed approval records (RFC 7517 JWK set)")
public class ApprovalKeysController {

    public static final String PATH = "/api/v1/approval-keys";

    private final ApprovalKeys keys;

    public ApprovalKeysController(ApprovalKeys keys) {
        this.keys = keys;
    }

    @GetMapping(
            path = PATH,
            produces = {"application/jwk-set+json", "application/json"})
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.published().toJSONObject());
    }
}
