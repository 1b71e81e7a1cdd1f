package com.healthcontent.auth.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators read the audit trail (the role is checked by the staff API's security chain): newest first,
 * filtered by type and by the person it is about, a page at a time ({@code next}: the {@code before} of the next
 * page, absent on the last).
 */
@RestController
class AuditController {

    record Page(List<AuditEntry> items, Instant next) {}

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/staff/audit")
    ResponseEntity<Page> audit(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant before,
            @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.min(Math.max(size, 1), AuditTrail.MAX_PAGE);
        List<AuditEntry> items = trail.read(type, subject, before, pageSize);
        Instant next = items.size() == pageSize ? items.get(items.size() - 1).at() : null;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Page(items, next));
    }
}
