package com.healthcontent.auth.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How password guessing is slowed ({@code platform.sign-in.*}; OWASP ASVS V2.2.1).
 *
 * @param delayAfter failures in a row on one account after which each further attempt waits (1 s, doubling)
 * @param lockoutAfter failures in a row on one account that lock it for {@code lockout}
 * @param lockout how long a locked account refuses every attempt, the right password included
 * @param window failures older than this are forgotten
 * @param maxDelay the longest wait between attempts
 * @param addressDelayAfter failures from one client address within {@code window}, over all accounts, after which
 *     attempts from that address wait: it slows guessing across many accounts, never locks anyone out, so the other
 *     people behind one office proxy still sign in
 */
@ConfigurationProperties("platform.sign-in")
public record SignInLimits(
        int delayAfter,
        int lockoutAfter,
        Duration lockout,
        Duration window,
        Duration maxDelay,
        int addressDelayAfter) {}
