package com.healthcontent.feedback.alerts;

import jakarta.validation.constraints.Size;
import java.time.LocalTime;

/** What a staff member sends to change their alert preferences; {@link AlertPreferences} holds the rules. */
record PreferencesRequest(
        @Size(max = 254) String email,
        @Size(max = 2000) String webhookUrl,
        Boolean dailyDigest,
        @Size(max = 64) String timeZone,
        LocalTime quietFrom,
        LocalTime quietUntil,
        LocalTime digestAt) {}
