package com.healthcontent.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a staff member in through the authorization server's real authorization-code + PKCE flow, as the public
 * client {@code cli} (the same flow scripts/token walks with curl): no back door, no token minted elsewhere.
 */
final class StaffLogin {

    private static final String CLIENT_ID = "cli";
    private static final String REDIRECT_URI = "http://127.0.0.1:8765/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String authorizationServer;
    private final String password;
    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    StaffLogin(String authorizationServer, String password) {
        this.authorizationServer = authorizationServer;
        this.password = password;
    }

    String accessToken(String username) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = random(48);
        String state = random(12);
        String authorize = authorizationServer + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        CLIENT_ID,
                        "scope",
                        "openid",
                        "state",
                        state,
                        "redirect_uri",
                        REDIRECT_URI,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));

        send(http, get(authorize));
        String loginPage = send(http, get(authorizationServer + "/login")).body();
        Matcher csrf = CSRF.matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + authorizationServer + "/login");
        }
        HttpResponse<String> login = send(
                http,
                post(
                        authorizationServer + "/login",
                        Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
        String afterLogin = login.headers().firstValue("Location").orElse("");
        if (afterLogin.isEmpty() || afterLogin.contains("error")) {
            throw new IllegalStateException("login failed for " + username);
        }
        String callback =
                send(http, get(afterLogin)).headers().firstValue("Location").orElse("");
        if (!callback.startsWith(REDIRECT_URI) || !callback.contains("state=" + state)) {
            throw new IllegalStateException(
                    "no authorization code for " + username + " (redirected to " + callback + ")");
        }
        String code = callback.replaceAll(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> token = send(
                http,
                post(
                        authorizationServer + "/oauth2/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                CLIENT_ID,
                                "redirect_uri",
                                REDIRECT_URI,
                                "code",
                                URLDecoder.decode(code, StandardCharsets.UTF_8),
                                "code_verifier",
                                verifier)));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("token request refused for " + username + ": " + token.body());
        }
        return jsonMapper.readTree(token.body()).get("access_token").asString();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static HttpRequest post(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
