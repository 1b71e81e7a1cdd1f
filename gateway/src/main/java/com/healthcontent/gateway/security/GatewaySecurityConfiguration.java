package com.healthcontent.gateway.security;

import com.healthcontent.gateway.web.EdgeProperties;
import com.healthcontent.gateway.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Tokens are verified at the edge (and again by every service). Anonymous callers may read and may send reader
 * feedback (to the API, or as the reader site's form posts); every other write needs a valid token. Role checks
 * stay with the services, which know the resource.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    /** The authorization server's own pages, routed through the gateway for deployments with one public port. */
    static final String[] AUTHORIZATION_SERVER_PATHS = {
        "/oauth2/**",
        "/login",
        "/login/webauthn",
        "/logout",
        "/.well-known/**",
        "/userinfo",
        "/connect/**",
        "/invitations/*",
        "/webauthn/**",
        "/account/passkeys",
        "/account/passkeys/**"
    };

    /** The reader site's feedback forms, at the gateway's root (route {@code reader-site}). */
    static final String[] READER_FEEDBACK_FORMS = {"/feedback", "/feedback/details"};

    /**
     * Requests the firewall refuses before any routing (encoded slashes or dots, NUL: path traversal attempts) get a
     * 400 problem like every other refusal, instead of an empty body.
     */
    @Bean
    static BeanPostProcessor firewallRejectionsAsProblems(ObjectProvider<Problems> problems) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler((exchange, rejected) -> problems.getObject()
                            .write(
                                    exchange,
                                    HttpStatus.BAD_REQUEST,
                                    "Bad request",
                                    "The request path is not allowed."));
                }
                return bean;
            }
        };
    }

    /**
     * Each access token is verified once per gateway instance and held while valid ({@link VerifiedTokens}); a
     * post-processor is made before configuration properties beans, so it binds its settings itself.
     */
    @Bean
    static BeanPostProcessor verifiedTokensOnce(Environment environment) {
        VerifiedTokenSettings settings =
                Binder.get(environment).bindOrCreate("platform.security.verified-tokens", VerifiedTokenSettings.class);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    return new VerifiedTokens(decoder, settings.size(), settings.maximumAge(), Clock.systemUTC());
                }
                return bean;
            }
        };
    }

    /** Web clients on the configured origins may call the API from the browser, with a token. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Request-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Request-Id", "X-RateLimit-Remaining"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, Problems problems) {
        ServerAuthenticationEntryPoint entryPoint = unauthorized(problems);
        ServerAccessDeniedHandler denied = forbidden(problems);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(Customizer.withDefaults())
                // Caching is the services' decision (Cache-Control on published content), not overwritten here.
                .headers(headers -> headers.cache(cache -> cache.disable())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.disable())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/feedback")
                        .permitAll()
                        // the reader site's "Was this helpful?" as plain form posts: anonymous like the API's
                        // feedback, and with no sign-in or cookie behind them there is nothing for a CSRF token to
                        // protect (the console, which signs people in, checks its own)
                        .pathMatchers(HttpMethod.POST, READER_FEEDBACK_FORMS)
                        .permitAll()
                        .pathMatchers(AUTHORIZATION_SERVER_PATHS)
                        .permitAll()
                        // the console signs its users in itself and checks its own CSRF tokens
                        .pathMatchers("/console", "/console/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {})
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .build();
    }

    /**
     * 401 with the {@code WWW-Authenticate} challenge RFC 6750 asks for, and a problem body. (Security's bearer
     * entry point completes the response itself, so the challenge is written here.)
     */
    private static ServerAuthenticationEntryPoint unauthorized(Problems problems) {
        return (exchange, ex) -> {
            String challenge = "Bearer";
            if (ex instanceof OAuth2AuthenticationException oauth) {
                OAuth2Error error = oauth.getError();
                challenge = "Bearer error=\"" + error.getErrorCode() + "\""
                        + (error.getDescription() == null
                                ? ""
                                : ", error_description=\""
                                        + error.getDescription().replace("\"", "'") + "\"");
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
            // why, once: a refused token names the reason, a missing one says what to send
            String detail = ex instanceof OAuth2AuthenticationException refused
                            && refused.getError().getDescription() != null
                    ? "The bearer token was refused: " + refused.getError().getDescription()
                    : "This request needs a bearer token from the authorization server (Authorization: Bearer <token>).";
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
        };
    }

    private static ServerAccessDeniedHandler forbidden(Problems problems) {
        return (exchange, ex) -> {
            exchange.getResponse()
                    .getHeaders()
                    .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            return problems.write(
                    exchange, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.");
        };
    }

    /** @param size tokens held at most; @param maximumAge how long one is held at most, even while valid */
    record VerifiedTokenSettings(
            @DefaultValue("10000") long size,
            @DefaultValue("5m") Duration maximumAge) {}
}
