package com.healthcontent.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an aggregate whose steps raise integration events ({@link Changed}): its stored document keeps the events
 * waiting to be sent, so it is written only with them (the messaging module's {@code Outbox}); a plain save of the
 * aggregate is refused, since it would drop the events still waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublishesEvents {}
