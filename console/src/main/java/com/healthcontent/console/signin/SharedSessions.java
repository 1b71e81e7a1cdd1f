package com.healthcontent.console.signin;

import com.healthcontent.console.ConsoleProperties;
import com.healthcontent.sessions.SerializedObjects;
import com.healthcontent.sessions.StoredSessions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The console's sessions, and the tokens kept in them, in MongoDB (Spring Session): any instance serves any step of
 * a sign-in and any page after it, and a restart signs nobody out. The browser holds only the session cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
class SharedSessions {

    @Bean
    StoredSessions sessionRepository(
            MongoTemplate mongoTemplate, @Value("${server.servlet.session.timeout:8h}") Duration maxInactive) {
        // beside Spring Security's objects, the flash messages a page shows after a redirect
        return new StoredSessions(
                mongoTemplate,
                "console_sessions",
                maxInactive,
                new SerializedObjects(
                        "org.springframework.web.servlet.FlashMap",
                        "org.springframework.util.LinkedMultiValueMap",
                        "org.springframework.util.MultiValueMapAdapter"),
                Clock.systemUTC());
    }

    /** The signed-in person's tokens in their session, not in one instance's memory. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Not SESSION or JSESSIONID: the authorization server on the same host keeps its own session cookie. */
    @Bean
    CookieSerializer cookieSerializer(ConsoleProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("CONSOLE_SESSION");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(properties.secureCookie());
        return cookie;
    }
}
