package com.healthcontent.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the console's pages without a browser or a platform: its controllers, templates and sign-in (security
 * filter chain, CSRF, the token kept in the session) in a web MVC slice, calling the API through the real
 * {@code PlatformApi}, with the {@link Platform} answering in the gateway's place. Every class that carries this
 * and nothing else shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(PageTestConfiguration.class)
@ExtendWith(Platform.ExpectationsPerTest.class)
public @interface ConsolePageTest {}
