package com.healthcontent.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link TopicProbe} field of a {@link ServiceIntegrationTest} that watches this topic of the test's broker: opened
 * before each test (seeing what is published from then on), closed after it ({@link TopicProbes}).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Watch {

    /** The topic, e.g. {@code Topics.ARTICLE_EVENTS}. */
    String value();
}
