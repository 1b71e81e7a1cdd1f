package com.healthcontent.auth.passkey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards changes to a person's passkeys, in front of Spring Security's WebAuthn endpoints. Someone who knows only the
 * password must not be able to add a passkey of their own to an account that has one, or remove the owner's: so a
 * password alone adds only the first passkey, and every later change needs a sign-in with a passkey (an
 * administrator can remove a person's passkeys when they lose them). A new passkey's name is checked here too,
 * since Spring Security would store any text, and the request body is bounded.
 */
final class PasskeyChanges extends OncePerRequestFilter {

    static final int MAX_BODY = 64 * 1024;

    private static final RequestMatcher REGISTRATION_OPTIONS =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/register/options");
    private static final RequestMatcher REGISTRATION =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/register");
    private static final RequestMatcher REMOVAL =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/webauthn/register/{id}");

    private final Passkeys passkeys;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final JsonMapper json = JsonMapper.builder().build();

    PasskeyChanges(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(REGISTRATION_OPTIONS.matches(request) || REGISTRATION.matches(request) || REMOVAL.matches(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!trust.isAuthenticated(signedIn)) {
            chain.doFilter(request, response); // Spring Security refuses it
            return;
        }
        if (!passkeys.mayChange(signedIn)) {
            refuse(
                    response,
                    HttpStatus.FORBIDDEN,
                    null,
                    "Sign in with one of your passkeys to change them: a password alone can add only the first.");
            return;
        }
        if (!REGISTRATION.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, null, "A passkey registration is at most 64 KB.");
            return;
        }
        String labelProblem = labelProblem(body);
        if (labelProblem != null) {
            refuse(response, HttpStatus.BAD_REQUEST, "publicKey.label", labelProblem);
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    private String labelProblem(byte[] body) {
        JsonNode label;
        try {
            label = json.readTree(body).path("publicKey").path("label");
        } catch (RuntimeException unreadable) {
            return null; // Spring Security answers 400 for a body it cannot read
        }
        if (!label.isString() || label.asString().isBlank()) {
            return "Give the passkey a name, such as the device it is on.";
        }
        String text = label.asString();
        if (text.length() > Passkeys.MAX_LABEL) {
            return "A passkey's name is at most " + Passkeys.MAX_LABEL + " characters.";
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return "A passkey's name cannot contain control characters.";
        }
        return null;
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String field, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (field != null) {
            problem.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body, already read here, to be read again by Spring Security. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
