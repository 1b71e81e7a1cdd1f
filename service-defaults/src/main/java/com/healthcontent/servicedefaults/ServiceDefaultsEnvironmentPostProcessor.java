package com.healthcontent.servicedefaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds a module's defaults file ({@code service-defaults.yml} here) with the lowest precedence: every service starts
 * from the same defaults (health groups, JWT issuer; Kafka in messaging's) and overrides any of them in its own
 * {@code application.yml} or through environment variables. Another module reuses it with its own file name.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** false: no service defaults at all (the file and ServiceDefaultsAutoConfiguration), for a process that is not a service. */
    public static final String ENABLED = "platform.service-defaults.enabled";

    private static final String OWN_FILE = "service-defaults.yml";

    private final String file;

    public ServiceDefaultsEnvironmentPostProcessor() {
        this(OWN_FILE);
    }

    protected ServiceDefaultsEnvironmentPostProcessor(String file) {
        this.file = file;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (file.equals(OWN_FILE) && !environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
