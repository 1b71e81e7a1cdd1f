package com.healthcontent.feedback.alerts.channel;

import com.healthcontent.feedback.alerts.Alert;
import java.util.List;

/** What one delivery carries: one alert, or several for a daily digest. */
public record AlertMessage(String recipient, List<Alert> alerts) {

    String subject() {
        if (alerts.size() > 1) {
            return alerts.size() + " alerts about content you write or review";
        }
        Alert alert = alerts.get(0);
        return switch (alert.kind()) {
            case PROBLEM_REPORT -> "Reader report (" + alert.reason() + "): " + alert.targetTitle();
            case HELPFULNESS_DROP -> "Readers find this unhelpful: " + alert.targetTitle();
            case REVIEW_REQUESTED -> "Awaiting your medical review: " + alert.targetTitle();
            case REVIEW_DUE -> "Medical review due: " + alert.targetTitle();
            case REVIEW_DECIDED -> "Review decided: " + alert.targetTitle();
        };
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (Alert alert : alerts) {
            text.append("- ")
                    .append(alert.targetTitle())
                    .append(" (")
                    .append(alert.targetType())
                    .append(' ')
                    .append(alert.targetSlug())
                    .append("): ")
                    .append(alert.detail())
                    .append('\n');
        }
        text.append("\nYour review queue: /api/v1/me/reviews; reader reports: /api/v1/feedback/reports\n");
        return text.toString();
    }
}
