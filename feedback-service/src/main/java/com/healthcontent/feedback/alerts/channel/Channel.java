package com.healthcontent.feedback.alerts.channel;

/** Where an alert goes beyond the inbox and the live stream. */
public enum Channel {
    EMAIL,
    WEBHOOK
}
