package com.healthcontent.feedback.alerts.channel;

import com.healthcontent.feedback.alerts.AlertProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Plain-text e-mail over SMTP (never HTML: the content includes readers' words). */
@Component
class EmailSender {

    private final JavaMailSender mailSender;
    private final String from;

    EmailSender(JavaMailSender mailSender, AlertProperties properties) {
        this.mailSender = mailSender;
        this.from = properties.mailFrom();
    }

    void send(String to, AlertMessage message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(message.subject());
        mail.setText(message.text());
        mailSender.send(mail);
    }
}
