package com.healthcontent.feedback.alerts.channel;

import com.healthcontent.feedback.alerts.Alert;
import com.healthcontent.feedback.alerts.AlertPreferences;
import com.healthcontent.feedback.alerts.AlertProperties;
import com.healthcontent.servicedefaults.problem.ConflictException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.web.PagedQueries;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * E-mail and webhook deliveries: created once per alert and channel, sent when due (at once, after quiet hours,
 * or in the reviewer's daily digest), retried with exponential backoff, parked after the last attempt. Instances
 * claim deliveries with a lease (an atomic findAndModify), so two instances never send the same one together.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoTemplate mongoTemplate;
    private final EmailSender email;
    private final WebhookSender webhook;
    private final MeterRegistry meterRegistry;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;

    Deliveries(
            MongoTemplate mongoTemplate,
            EmailSender email,
            WebhookSender webhook,
            MeterRegistry meterRegistry,
            Clock clock,
            AlertProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.email = email;
        this.webhook = webhook;
        this.meterRegistry = meterRegistry;
        this.clock = clock;
        this.maxAttempts = properties.deliveryAttempts();
        this.firstBackoff = properties.deliveryBackoff();
    }

    /** Plans an alert's deliveries on the recipient's channels; a second call for the same alert changes nothing. */
    public void plan(Alert alert, AlertPreferences preferences) {
        Instant now = clock.instant();
        Instant due = alert.isUrgent()
                ? now
                : preferences.sendableFrom(now.atZone(clock.getZone())).toInstant();
        List<Channel> channels = new ArrayList<>();
        if (preferences.email() != null) {
            channels.add(Channel.EMAIL);
        }
        if (preferences.webhookUrl() != null) {
            channels.add(Channel.WEBHOOK);
        }
        for (Channel channel : channels) {
            try {
                mongoTemplate.insert(new Delivery(
                        alert.id() + ":" + channel,
                        alert.id(),
                        channel,
                        alert.recipient(),
                        Delivery.Status.PENDING,
                        0,
                        due,
                        null,
                        null,
                        null));
            } catch (DuplicateKeyException planned) {
                // the alert event was delivered twice: its deliveries exist already
            }
        }
    }

    @Scheduled(fixedDelayString = "${platform.feedback.alerts.delivery-check:1s}")
    public void sendDue() {
        for (int i = 0; i < 100; i++) {
            Delivery claimed = claimNext();
            if (claimed == null) {
                return;
            }
            send(claimed);
        }
    }

    private Delivery claimNext() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status")
                        .is(Delivery.Status.PENDING)
                        .and("nextAttemptAt")
                        .lte(now)
                        .orOperator(
                                Criteria.where("claimedUntil").is(null),
                                Criteria.where("claimedUntil").lt(now)))
                .with(Sort.by("nextAttemptAt"));
        return mongoTemplate.findAndModify(
                due,
                new Update().set("claimedUntil", now.plus(LEASE)),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
    }

    /** Sends one claimed delivery, together with the recipient's other due ones on that channel (a digest). */
    private void send(Delivery first) {
        Instant now = clock.instant();
        List<Delivery> batch = new ArrayList<>(List.of(first));
        Delivery more;
        while (batch.size() < 50 && (more = claimSameRecipient(first, now)) != null) {
            batch.add(more);
        }
        List<Alert> alerts = mongoTemplate.find(
                Query.query(Criteria.where("_id")
                                .in(batch.stream().map(Delivery::alertId).toList()))
                        .with(Sort.by("createdAt")),
                Alert.class);
        AlertPreferences preferences = mongoTemplate.findById(first.recipient(), AlertPreferences.class);
        try {
            if (preferences == null || alerts.isEmpty()) {
                throw new IllegalStateException("no preferences or alerts for " + first.id());
            }
            AlertMessage message = new AlertMessage(first.recipient(), alerts);
            switch (first.channel()) {
                case EMAIL -> email.send(preferences.email(), message);
                case WEBHOOK -> webhook.send(preferences.webhookUrl(), preferences.webhookSecret(), message);
            }
            batch.forEach(d -> mongoTemplate.updateFirst(
                    Query.query(Criteria.where("_id").is(d.id())),
                    new Update()
                            .set("status", Delivery.Status.SENT)
                            .set("deliveredAt", now)
                            .set("attempts", d.attempts() + 1)
                            .unset("claimedUntil"),
                    Delivery.class));
            count(first.channel(), "sent", batch.size());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            batch.forEach(d -> failed(d, e, now));
        }
    }

    private Delivery claimSameRecipient(Delivery first, Instant now) {
        Query due = Query.query(Criteria.where("status")
                .is(Delivery.Status.PENDING)
                .and("recipient")
                .is(first.recipient())
                .and("channel")
                .is(first.channel())
                .and("nextAttemptAt")
                .lte(now)
                .orOperator(
                        Criteria.where("claimedUntil").is(null),
                        Criteria.where("claimedUntil").lt(now)));
        return mongoTemplate.findAndModify(
                due,
                new Update().set("claimedUntil", now.plus(LEASE)),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
    }

    private void failed(Delivery delivery, Exception error, Instant now) {
        int attempts = delivery.attempts() + 1;
        boolean park = attempts >= maxAttempts;
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 10));
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(delivery.id())),
                new Update()
                        .set("attempts", attempts)
                        .set("lastError", String.valueOf(error.getMessage()))
                        .set("status", park ? Delivery.Status.PARKED : Delivery.Status.PENDING)
                        .set("nextAttemptAt", now.plus(backoff))
                        .unset("claimedUntil"),
                Delivery.class);
        log.warn(
                "{} delivery {} failed (attempt {}{}): {}",
                delivery.channel(),
                delivery.id(),
                attempts,
                park ? ", parked" : "",
                error.getMessage());
        count(delivery.channel(), park ? "parked" : "failed", 1);
    }

    private void count(Channel channel, String outcome, int n) {
        meterRegistry
                .counter("platform.alerts.delivered", "channel", channel.name(), "outcome", outcome)
                .increment(n);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Page<Delivery> withStatus(Delivery.Status status, Pageable pageable) {
        Query query = Query.query(Criteria.where("status").is(status));
        return PagedQueries.page(mongoTemplate, query, pageable, Delivery.class);
    }

    /** An admin sends a parked delivery again, with a fresh set of attempts. */
    @PreAuthorize("hasRole('ADMIN')")
    public Delivery retry(String id) {
        Delivery delivery = mongoTemplate.findById(id, Delivery.class);
        if (delivery == null) {
            throw new ResourceNotFoundException("Delivery", id);
        }
        if (delivery.status() != Delivery.Status.PARKED) {
            throw new ConflictException(
                    "Only a parked delivery can be retried; this one is " + delivery.status() + ".");
        }
        return mongoTemplate.findAndModify(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .set("status", Delivery.Status.PENDING)
                        .set("attempts", 0)
                        .set("nextAttemptAt", clock.instant())
                        .unset("claimedUntil"),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
    }
}
