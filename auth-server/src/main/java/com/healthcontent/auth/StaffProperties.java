package com.healthcontent.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff who can sign in. On the local stack these are the demo users of API.md, all with one password
 * that operators override; a deployment would put a real user store behind the same {@code UserDetailsService}.
 */
@ConfigurationProperties("platform.staff")
public record StaffProperties(String password, List<Member> members) {

    public record Member(String username, List<String> roles) {
    }
}
