package com.healthcontent.testsupport;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
import org.springframework.context.ApplicationContextInitializer;
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

    /** Records the responses of an instance a test starts itself ({@code SpringApplicationBuilder.initializers}). */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> recording() {
        return context -> new Customizer().customizeContext(context, null);
    }

    static final class Recorder implements Filter, Ordered {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            try {
                chain.doFilter(request, response);
            } finally {
                if (http.getRequestURI().startsWith("/api/")) {
                    if (http.isAsyncStarted()) { // answered later, on another thread
                        http.getAsyncContext().addListener(new AsyncListener() {
                            @Override
                            public void onComplete(AsyncEvent event) {
                                record(http, response);
                            }

                            @Override
                            public void onTimeout(AsyncEvent event) {}

                            @Override
                            public void onError(AsyncEvent event) {}

                            @Override
                            public void onStartAsync(AsyncEvent event) {}
                        });
                    } else {
                        record(http, response);
                    }
                }
            }
        }

        private static void record(HttpServletRequest http, ServletResponse response) {
            observed.add(
                    new Observed(http.getMethod(), http.getRequestURI(), ((HttpServletResponse) response).getStatus()));
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
