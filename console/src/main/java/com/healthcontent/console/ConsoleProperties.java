package com.healthcontent.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the platform: the public API (through the gateway, as any client), the authorization
 * server as the browser reaches it (signing out ends the sign-in there too), and the console's own address as the
 * browser sees it (the gateway's {@code /console}); and whether the session cookie is sent over HTTPS only
 * ({@code secureCookie}: behind TLS, CONSOLE_SECURE_COOKIE).
 */
@ConfigurationProperties("platform.console")
public record ConsoleProperties(String apiUrl, String authPublicUrl, String publicUrl, boolean secureCookie) {}
