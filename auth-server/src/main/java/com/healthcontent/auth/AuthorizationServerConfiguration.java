package com.healthcontent.auth;

import static org.springframework.security.config.Customizer.withDefaults;

import com.healthcontent.auth.account.StaffAccounts;
import com.healthcontent.auth.passkey.PasskeyCeremonies;
import com.healthcontent.auth.passkey.PasskeyRequirement;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * The authorization server: authorization code with PKCE for the public web, mobile and command-line clients,
 * client credentials for service clients (registered in application.yml), and access tokens whose
 * {@code sub} is the username and whose {@code roles} claim carries the staff roles.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    static final String ROLES_CLAIM = "roles";

    /**
     * The staff administration API ({@code /api/v1/staff/...}, not the directory itself): a resource server for this
     * server's own access tokens, meant for the platform's API, for administrators only, but for each person's own
     * password ({@code /api/v1/staff/accounts/me/password}). The account is checked on every call: a token of a
     * person disabled since it was issued is refused at once (401).
     */
    @Bean
    @Order(0)
    SecurityFilterChain staffApi(
            HttpSecurity http, JWKSource<SecurityContext> jwkSource, AuthProperties properties, StaffAccounts accounts)
            throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                new JwtClaimValidator<List<String>>(
                        "aud", audience -> audience != null && audience.contains(properties.apiAudience()))));
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);
        http.securityMatcher("/api/v1/staff/*", "/api/v1/staff/*/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/staff/accounts/me/**")
                        .authenticated()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .oauth2ResourceServer(server ->
                        server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> {
                            // a disabled account's token, still within its lifetime, administers nothing
                            if (!accounts.isEnabled(token.getSubject())) {
                                throw new DisabledException("The account of this token is disabled");
                            }
                            return tokens.convert(token);
                        })))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, PasskeyRequirement passkeyRequirement)
            throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(withDefaults());
            server.authorizationEndpoint(endpoint ->
                    endpoint.authenticationProviders(providers -> providers.add(0, passkeyRequirement.guard())));
        });
        // signed in, and with a passkey where the person's roles require one
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(passkeyRequirement))
                // A browser (or the token script) asking to authorize without a session is sent to the login form,
                // one signed in without a passkey their role requires to their passkeys page.
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                        .accessDeniedHandler(passkeyRequirement));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(
            HttpSecurity http, PasskeyCeremonies passkeys, WebAuthnRelyingPartyOperations passkeyOperations)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/livez",
                                "/readyz",
                                "/error",
                                "/api/v1/staff",
                                "/login",
                                "/login/sign-in.css",
                                "/login/passkeys.js",
                                "/invitations/*")
                        .permitAll()
                        // only served on the management port, which is never published
                        .requestMatchers(
                                "/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login"));
        passkeys.enable(http, passkeyOperations);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.signingKeyFile())));
    }

    /**
     * Writes the staff roles (only {@code ROLE_*} authorities: Security 7 also adds factor authorities such as
     * {@code FACTOR_PASSWORD} after a form login) into access and ID tokens, without the prefix; access tokens also
     * name the platform's API as their audience.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim(AuthProperties properties) {
        String apiAudience = properties.apiAudience();
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken =
                    OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (accessToken) {
                // the client it was issued to, and the API it is for: services refuse tokens meant for others
                context.getClaims()
                        .audience(List.of(context.getRegisteredClient().getClientId(), apiAudience));
            }
            List<String> roles = context.getPrincipal().getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .sorted()
                    .toList();
            context.getClaims().claim(ROLES_CLAIM, roles);
        };
    }
}
