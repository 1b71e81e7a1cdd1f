package com.healthcontent.auth;

import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The staff directory the content services copy: who may write, edit and review, with the names and credentials
 * pages show. Only people with a content role are listed (operators are not). The services poll it in the
 * background with {@code If-None-Match}; it is meant for the internal network (the gateway does not route it).
 */
@RestController
class StaffDirectoryController {

    private static final Set<String> CONTENT_ROLES = Set.of("AUTHOR", "EDITOR", "MEDICAL_REVIEWER");

    record Profile(String username, String name, String credentials, List<String> roles) {}

    record Directory(List<Profile> items) {}

    private final Directory directory;
    private final String etag;

    StaffDirectoryController(StaffProperties staff) {
        this.directory = new Directory(staff.members().stream()
                .filter(member -> member.roles().stream().anyMatch(CONTENT_ROLES::contains))
                .map(member -> new Profile(member.username(), member.name(), member.credentials(), member.roles()))
                .toList());
        this.etag = "\"" + DigestUtils.md5DigestAsHex(directory.toString().getBytes()) + "\"";
    }

    @GetMapping("/api/v1/staff")
    ResponseEntity<Directory> staff(WebRequest request) {
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .body(directory);
    }
}
