package com.healthcontent.auth.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The staff directory the content services copy: who may write, edit and review, with the names and credentials
 * pages show. Only enabled people with a content role are listed (operators are not; a disabled reviewer leaves it,
 * so the services stop offering them for assignment). The services poll it in the background with
 * {@code If-None-Match}; it is meant for the internal network (the gateway does not route it).
 */
@RestController
class StaffDirectoryController {

    record Profile(String username, String name, String credentials, List<String> roles) {}

    record Directory(List<Profile> items) {}

    private final StaffAccounts accounts;

    StaffDirectoryController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/staff")
    ResponseEntity<Directory> staff(WebRequest request) {
        Directory directory = new Directory(accounts.all().stream()
                .filter(account -> account.enabled() && account.hasContentRole())
                .map(account -> new Profile(
                        account.username(),
                        account.name(),
                        account.credentials(),
                        account.roles().stream().sorted().toList()))
                .toList());
        String etag = "\"" + DigestUtils.md5DigestAsHex(directory.toString().getBytes(StandardCharsets.UTF_8)) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .body(directory);
    }
}
