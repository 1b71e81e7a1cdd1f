package com.healthcontent.testsupport;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.web.context.ConfigurableWebApplicationContext;

/**
 * Every API response a service gave in this test JVM (method, path, status), whichever test sent the request: what
 * {@link DocumentedResponses} compares with the OpenAPI document. Recorded by a servlet filter in front of security,
 * added to every servlet service's test context (registered in {@code META-INF/spring.factories}).
 */
public final class ObservedResponses {

    public record Observed(String method, String path, int status) {}

    private static final Set<Observed> observed = ConcurrentHashMap.newKeySet();

    private ObservedResponses() {}

    public static List<Observed> all() {
        return List.copyOf(observed);
    }

    static final class Recorder implements Filter, Ordered {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            } finally {
                HttpServletRequest http = (HttpServletRequest) request;
                if (http.getRequestURI().startsWith("/api/")) {
                    observed.add(new Observed(
                            http.getMethod(), http.getRequestURI(), ((HttpServletResponse) response).getStatus()));
                }
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Adds the recorder to servlet applications only (the gateway is reactive). */
    public static final class CustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context instanceof ConfigurableWebApplicationContext) {
                context.getBeanFactory().registerSingleton("observedResponsesRecorder", new Recorder());
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
