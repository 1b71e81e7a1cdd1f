package com.healthcontent.console;

import com.healthcontent.console.platform.PlatformApi;
import com.healthcontent.console.signin.SignInForTests;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * What the web MVC slice leaves out and the pages need: the console's settings, its sign-in, and the real
 * {@link PlatformApi} on a client whose answers come from the {@link Platform}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
@Import({PlatformApi.class, SignInForTests.class})
class PageTestConfiguration {

    @Bean
    Platform platform(ConsoleProperties properties) {
        return new Platform(properties.apiUrl());
    }

    /** The one client PlatformApi builds, bound to the fake platform before it is built. */
    @Bean
    RestClient.Builder restClientBuilder(Platform platform) {
        return platform.client();
    }
}
