package com.healthcontent.testsupport;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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

    private static String brokers(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("spring.kafka.bootstrap-servers");
    }

    private static void set(Field field, Object test, TopicProbe probe) {
        ReflectionUtils.makeAccessible(field);
        ReflectionUtils.setField(field, test, probe);
    }
}
