package com.healthcontent.feedback;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second feedback-service instance beside the test's own, on the same database, broker and token issuer unless the
 * test says otherwise ({@code --name=value} arguments win over the shared ones). Started as an application of its own
 * rather than a second test context, which would take the test's embedded broker and database settings.
 */
public final class AnotherInstance {

    private AnotherInstance() {}

    public static ConfigurableApplicationContext start(
            Environment shared, List<ApplicationContextInitializer<?>> initializers, String... overrides) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.mongodb.uri=" + shared.getProperty("spring.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + shared.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri="
                        + shared.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                        + shared.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")));
        for (String override : overrides) {
            String name = override.substring(0, override.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(name));
            arguments.add(override);
        }
        return new SpringApplicationBuilder(FeedbackServiceApplication.class)
                .initializers(initializers.toArray(ApplicationContextInitializer[]::new))
                .run(arguments.toArray(String[]::new));
    }

    public static ConfigurableApplicationContext start(Environment shared, String... overrides) {
        return start(shared, List.of(), overrides);
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
