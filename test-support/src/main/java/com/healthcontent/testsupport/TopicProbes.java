package com.healthcontent.testsupport;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ReflectionUtils;

/** Opens the test's {@link Watch} probes on the broker of its Spring context before each test, closes them after. */
public class TopicProbes implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace OPEN = ExtensionContext.Namespace.create(TopicProbes.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Object test = context.getRequiredTestInstance();
        List<TopicProbe> opened = new ArrayList<>();
        ReflectionUtils.doWithFields(test.getClass(), field -> {
            Watch watch = field.getAnnotation(Watch.class);
            if (watch != null) {
                TopicProbe probe = TopicProbe.open(brokers(context), watch.value());
                opened.add(probe);
                set(field, test, probe);
            }
        });
        context.getStore(OPEN).put("probes", opened);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        List<TopicProbe> opened = context.getStore(OPEN).remove("probes", List.class);
        if (opened != null) {
            opened.forEach(TopicProbe::close);
        }
    }

    /**
     * The brokers the service's producers were made with. Not the property read now: a later test class with a
     * broker of its own sets it again (a system property), and a cached context would then be watched on the wrong
     * broker.
     */
    private static String brokers(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        return spring.getBeanProvider(ProducerFactory.class).stream()
                .map(factory -> factory.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))
                .filter(java.util.Objects::nonNull)
                .map(servers -> servers instanceof java.util.Collection<?> many
                        ? String.join(",", many.stream().map(String::valueOf).toList())
                        : String.valueOf(servers))
                .findFirst()
                .orElseGet(() -> spring.getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    private static void set(Field field, Object test, TopicProbe probe) {
        ReflectionUtils.makeAccessible(field);
        ReflectionUtils.setField(field, test, probe);
    }
}
