package com.healthcontent.messaging.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method without parameters that writes what the bean's {@link EventHandler} methods gathered during a poll
 * (one write per item rather than one per event). It is called on the consumer's thread once the poll's events were
 * handled, before they are recorded as handled; what it throws fails the whole poll, which is delivered again.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EndOfPoll {}
