package com.healthcontent.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each test application context its own MongoDB wire server and points the resource server at the
 * test issuer. The properties go first, so they win over application.yml and the environment.
 */
public class TestInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestInfrastructureCustomizer();
    }

    static final class TestInfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            InetSocketAddress address = mongo.getLocalAddress();
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> mongo.shutdownNow());
            Map<String, Object> properties = new HashMap<>(TestIssuerCustomizerFactory.issuerProperties());
            properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + address.getPort() + "/test");
            properties.put("platform.events.outbox.poll-interval", "200ms");
            properties.put("platform.events.consumer.retry-interval", "50ms");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("test-infrastructure", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestInfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return TestInfrastructureCustomizer.class.hashCode();
        }
    }
}
