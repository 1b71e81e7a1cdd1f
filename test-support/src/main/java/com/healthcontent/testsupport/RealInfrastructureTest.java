package com.healthcontent.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.test.context.ContextCustomizerFactories;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A service against real {@code mongo} and {@code apache/kafka} images, where a Docker engine exists.
 * Without one the test is skipped, never failed (the build machines have no Docker).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestcontainers(RealInfrastructureContainers.class)
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
public @interface RealInfrastructureTest {}
