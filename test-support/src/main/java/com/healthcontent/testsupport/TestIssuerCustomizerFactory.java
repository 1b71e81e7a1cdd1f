package com.healthcontent.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points a service's resource server and staff directory at the {@link TestTokens} stand-in; nothing else. */
public class TestIssuerCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestIssuerCustomizer();
    }

    static Map<String, Object> issuerProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                TestTokens.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                TestTokens.issuer().jwkSetUri(),
                "platform.staff.directory-url",
                TestTokens.issuer().staffDirectoryUri());
    }

    static final class TestIssuerCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("test-issuer", issuerProperties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestIssuerCustomizer;
        }

        @Override
        public int hashCode() {
            return TestIssuerCustomizer.class.hashCode();
        }
    }
}
