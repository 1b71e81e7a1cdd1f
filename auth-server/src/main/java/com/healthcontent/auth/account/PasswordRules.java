package com.healthcontent.auth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be (NIST SP 800-63B, OWASP ASVS V2.1): at least 12 characters, at most 128, and not one
 * people commonly choose (account/common-passwords.txt) nor the person's own username. No rules about character
 * classes: they make passwords harder to remember, not to guess.
 */
@Component
class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordRules() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("account/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            this.common = lines.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why this password cannot be used, if it cannot. */
    Optional<String> problemWith(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("is one of the passwords people most often choose; choose another");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain your username");
        }
        return Optional.empty();
    }
}
