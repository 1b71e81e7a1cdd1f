package com.healthcontent.console.signin;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * The console's own sign-in in a page test: its security filter chain and token manager, with the tokens kept in
 * the session as {@link SharedSessions} keeps them (less the MongoDB under the session, which a page test does not
 * need: a session in memory holds them the same way).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SignInConfiguration.class)
public class SignInForTests {

    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }
}
