package com.healthcontent.testsupport;

import com.healthcontent.events.Topics;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A service started on a random port against the real infrastructure it runs on: an in-process Kafka broker
 * (KRaft) with the platform's topics, a MongoDB wire-protocol server (memory backend) and a JWKS endpoint of a
 * test issuer whose tokens {@link TestTokens} mints. Tests with the same configuration share one context. Fields
 * marked {@link Watch} are probes on the broker's topics, open for each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {
            Topics.ARTICLE_EVENTS,
            Topics.ARTICLE_EVENTS + Topics.DEAD_LETTER_SUFFIX,
            Topics.EXERCISE_EVENTS,
            Topics.EXERCISE_EVENTS + Topics.DEAD_LETTER_SUFFIX,
            Topics.FEEDBACK_EVENTS,
            Topics.FEEDBACK_EVENTS + Topics.DEAD_LETTER_SUFFIX,
            Topics.STAFF_EVENTS,
            Topics.STAFF_EVENTS + Topics.DEAD_LETTER_SUFFIX,
            Topics.FEEDBACK_VOTES,
            Topics.FEEDBACK_VOTES + Topics.DEAD_LETTER_SUFFIX,
            Topics.FEEDBACK_REPORTS,
            Topics.FEEDBACK_REPORTS + Topics.DEAD_LETTER_SUFFIX
        })
@ContextCustomizerFactories(TestInfrastructureCustomizerFactory.class)
@ExtendWith(TopicProbes.class)
public @interface ServiceIntegrationTest {}
