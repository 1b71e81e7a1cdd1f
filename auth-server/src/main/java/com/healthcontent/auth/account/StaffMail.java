package com.healthcontent.auth.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The e-mails staff get about their account: an invitation or reset link, and an alert when their account is
 * locked after repeated failed sign-ins (administrators get it too, also for names that are not accounts: someone
 * is guessing). Sent in the background, so that no sign-in or administration step waits for the mail server; one
 * that cannot be sent is logged (the administrator has the link in the API's answer anyway).
 */
@Component
public class StaffMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StaffMail.class);

    private final JavaMailSender sender;
    private final StaffAccounts accounts;
    private final String from;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "staff-mail");
        thread.setDaemon(true);
        return thread;
    });

    StaffMail(JavaMailSender sender, StaffAccounts accounts, StaffSettings settings) {
        this.sender = sender;
        this.accounts = accounts;
        this.from = settings.mailFrom();
    }

    void invitation(StaffAccount account, StaffAdministration.LinkView link) {
        send(List.of(account.email()), "You are invited to the health content platform", """
                Hello %s,

                You have an account on the health content platform: %s.
                Choose your password here (the link works once, until %s):

                %s

                If you did not expect this, ignore this e-mail; nobody can use the account without this link.
                """.formatted(
                        account.name(), account.username(), link.expiresAt(), link.url()));
    }

    void passwordReset(StaffAccount account, StaffAdministration.LinkView link) {
        send(List.of(account.email()), "Choose a new password", """
                Hello %s,

                An administrator sent you a link to choose a new password for %s (it works once, until %s):

                %s

                Your current password keeps working until you set the new one.
                """.formatted(
                        account.name(), account.username(), link.expiresAt(), link.url()));
    }

    /** Locked after repeated failed sign-ins: the person, if it is an account, and every administrator. */
    public void lockedOut(String username) {
        List<String> to = new ArrayList<>();
        accounts.find(username).map(StaffAccount::email).ifPresent(to::add);
        accounts.all().stream()
                .filter(account -> account.enabled() && account.roles().contains("ADMIN") && account.email() != null)
                .map(StaffAccount::email)
                .filter(email -> !to.contains(email))
                .forEach(to::add);
        send(to, "Sign-in locked after repeated failed attempts", """
                The sign-in of %s was locked after repeated wrong passwords. It unlocks by itself after a while.

                If this was you, wait and try again, or ask an administrator to send you a password reset link.
                If it was not you, tell an administrator: someone may be guessing the password.
                The audit trail has the attempts (GET /api/v1/staff/audit?subject=%s).
                """.formatted(username, username));
    }

    /** A passkey was added to the account: the person is told, in case it was not them. */
    public void passkeyAdded(String username, String label) {
        accounts.find(username)
                .ifPresent(account -> send(
                        Collections.singletonList(account.email()),
                        "A passkey was added to your account",
                        """
                        Hello %s,

                        A passkey named "%s" was added to your account %s. It can now sign you in.

                        If this was not you, tell an administrator at once: they can remove it, and your password
                        may be known to someone else.
                        """.formatted(account.name(), label, username)));
    }

    private void send(List<String> to, String subject, String text) {
        List<String> recipients = to.stream()
                .filter(address -> address != null && !address.isBlank())
                .toList();
        if (recipients.isEmpty()) {
            return;
        }
        background.execute(() -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(recipients.toArray(String[]::new));
            message.setSubject(subject);
            message.setText(text);
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("A staff e-mail ({}) could not be sent: {}", subject, e.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        background.shutdown();
    }
}
