package com.healthcontent.auth.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something that happened to staff identity: who did it ({@code actor}, a username or {@code system}), to whom
 * ({@code subject}), from where (a keyed hash of the client address, never the address itself), and what else an
 * administrator needs to know. Written once, never changed.
 */
@Document("audit_trail")
public record AuditEntry(
        @Id String id,
        @Indexed Instant at,
        @Indexed String type,
        String actor,
        @Indexed String subject,
        String addressHash,
        Map<String, String> details) {

    public static final String SIGN_IN_SUCCEEDED = "SIGN_IN_SUCCEEDED";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String SIGN_IN_THROTTLED = "SIGN_IN_THROTTLED";
    public static final String LOCKED_OUT = "LOCKED_OUT";
}
