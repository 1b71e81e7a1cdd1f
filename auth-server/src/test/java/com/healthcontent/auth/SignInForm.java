package com.healthcontent.auth;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The sign-in form as a person uses it, each attempt in a fresh browser session. */
final class SignInForm {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ALERT = Pattern.compile("role=\"alert\"[^>]*>\\s*([^<]+?)\\s*<");

    private SignInForm() {}

    /** Empty when signed in; otherwise the message the form shows. */
    static Optional<String> attempt(String base, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no sign-in form: " + form.body());
        }
        String body = Map.of("username", username, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> submitted = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = submitted.headers().firstValue("Location").orElse("");
        if (!location.contains("/login?error")) {
            return Optional.empty();
        }
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login?error")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher alert = ALERT.matcher(page.body());
        return Optional.of(alert.find() ? alert.group(1) : "(no message)");
    }
}
