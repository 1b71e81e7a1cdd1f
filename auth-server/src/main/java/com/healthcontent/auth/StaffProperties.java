package com.healthcontent.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff who can sign in. On the local stack these are the demo users of API.md, all with one password
 * that operators override; a deployment would put a real user store behind the same {@code UserDetailsService}.
 */
@ConfigurationProperties("platform.staff")
public record StaffProperties(String password, List<Member> members) {

    /** {@code name} and {@code credentials} are what readers see on pages this person wrote or reviewed. */
    public record Member(String username, String name, String credentials, List<String> roles) {}
}
