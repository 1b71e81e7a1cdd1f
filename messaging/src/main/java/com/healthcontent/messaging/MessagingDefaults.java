package com.healthcontent.messaging;

import com.healthcontent.servicedefaults.ServiceDefaultsEnvironmentPostProcessor;

/** Adds {@code messaging-defaults.yml} (Kafka's serialisers, acknowledgements, batch listeners) at lowest precedence. */
public class MessagingDefaults extends ServiceDefaultsEnvironmentPostProcessor {

    public MessagingDefaults() {
        super("messaging-defaults.yml");
    }
}
