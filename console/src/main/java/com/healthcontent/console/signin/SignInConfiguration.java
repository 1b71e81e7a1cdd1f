package com.healthcontent.console.signin;

import com.healthcontent.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in as the OAuth guidance for browser-based apps recommends (a backend for the frontend): the console is the
 * OAuth client (the registered public client {@code web}, authorization code with PKCE), the tokens stay in the
 * server-side session, the browser holds only an HttpOnly session cookie, and every form and script write carries a
 * CSRF token. Signing out ends the console session and the sign-in at the authorization server.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    static final String REGISTRATION = "web";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ConsoleProperties properties) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/livez", "/readyz", "/signed-out", "/css/**", "/js/**", "/error")
                        .permitAll()
                        // the management port's endpoints (Prometheus scrapes them); the public port has none
                        .requestMatchers("/actuator/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // straight to the authorization server: there is one way to sign in, no chooser page
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION))
                .logout(logout -> logout.logoutSuccessHandler(endSignIn(properties)))
                .build();
    }

    /** OpenID Connect RP-initiated logout: the authorization server forgets the sign-in, then shows /signed-out. */
    private static LogoutSuccessHandler endSignIn(ConsoleProperties properties) {
        return (request, response, authentication) -> {
            String back = UriComponentsBuilder.fromUriString(properties.publicUrl())
                    .path("/signed-out")
                    .toUriString();
            UriComponentsBuilder logout = UriComponentsBuilder.fromUriString(properties.authPublicUrl())
                    .path("/connect/logout")
                    .queryParam("post_logout_redirect_uri", back)
                    .queryParam("client_id", REGISTRATION);
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                logout.queryParam("id_token_hint", user.getIdToken().getTokenValue());
            }
            response.sendRedirect(logout.encode().toUriString());
        };
    }

    /** Access tokens for API calls, refreshed with the refresh token when they expire. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
