package com.healthcontent.feedback.submission;

import com.healthcontent.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How many accepted votes the intake has not stored yet: the end of every {@code feedback.votes} partition less what
 * the intake's consumer group has committed, asked of the broker every {@code platform.feedback.backlog-check-interval}
 * (a few small admin requests, whichever instance consumes the partition). Votes are accepted faster than the store
 * can take them (the request path writes nothing), so without a bound a steady overload would grow the backlog
 * without end, and a vote would take minutes to show in its summary. Past the bound (with the votes this instance
 * sent since it last asked, acknowledged or still on their way) new votes are answered 503 with Retry-After until the
 * intake catches up. Reports are never held back: they have a lane of their own. When the broker does not answer, the
 * last figure stands (a broker that is down refuses the votes anyway).
 *
 * <p>The bound is a time, {@code platform.feedback.max-intake-wait}: what the intake stores in that time at its
 * measured rate ({@link IntakeRate}), and never less than {@code platform.feedback.max-intake-backlog}. A bound of a
 * fixed count starved the intake: when it was reached, every client paused for its Retry-After at once, the intake
 * worked the backlog off in less and then waited for votes, half the time under a saturating load.
 *
 * <p>The broker is asked on a thread of its own. On the service's shared scheduler thread it waited behind the tasks
 * that read MongoDB (content reloads, alert deliveries, retention sweeps), which under a load of votes wait on the
 * store: the figure went stale for seconds at a time (Prometheus showed the same figure for up to ten seconds under
 * direct votes), every vote accepted meanwhile counted against the bound, and votes were refused while the intake had
 * caught up.
 */
@Component
class IntakeBacklog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IntakeBacklog.class);

    private final Admin admin;
    private final String group;
    private final long maxBacklog;
    private final Duration maxWait;
    private volatile IntakeRate rate = IntakeRate.unmeasured();
    private volatile long backlog;
    /** When the broker last answered, or null before it first did (the backlog is then taken as none). */
    private volatile Instant measuredAt;
    /** Votes this instance sent that the broker has not acknowledged yet: they may be in no figure. */
    private final AtomicLong inFlight = new AtomicLong();
    /** Votes the broker acknowledged since the last measurement began: between measurements they add to it. */
    private final AtomicLong acknowledgedSince = new AtomicLong();

    private final ScheduledExecutorService measuring = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "intake-backlog");
        thread.setDaemon(true);
        return thread;
    });

    IntakeBacklog(
            KafkaAdmin kafkaAdmin,
            MeterRegistry meterRegistry,
            @Value("${spring.application.name}") String serviceName,
            @Value("${platform.feedback.max-intake-backlog}") long maxBacklog,
            @Value("${platform.feedback.max-intake-wait}") Duration maxWait,
            @Value("${platform.feedback.backlog-check-interval}") Duration checkInterval) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.group = serviceName + "-" + FeedbackIntake.VOTES;
        this.maxBacklog = maxBacklog;
        this.maxWait = maxWait;
        Gauge.builder("platform.feedback.intake.backlog", this, IntakeBacklog::votes)
                .description("Accepted votes the intake has not stored yet")
                .register(meterRegistry);
        Gauge.builder("platform.feedback.intake.backlog.bound", this, IntakeBacklog::bound)
                .description("Accepted votes that may wait to be stored before new votes are answered 503")
                .register(meterRegistry);
        Gauge.builder("platform.feedback.intake.rate", this, backlog -> backlog.rate.storedPerSecond())
                .description("Votes per second the intake can store, as last measured")
                .register(meterRegistry);
        measuring.scheduleWithFixedDelay(this::measure, 0, checkInterval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Whether new votes should wait: the intake is further behind than the bound, counting what this instance sent
     * since the broker was last asked (a second of votes accepted unchecked would overshoot the bound severalfold).
     */
    boolean full() {
        return votes() > bound();
    }

    /** What the intake stores within the longest wait, at least the configured backlog. */
    long bound() {
        return Math.max(maxBacklog, rate.storedWithin(maxWait));
    }

    /** A vote is being sent to the broker. */
    void sending() {
        inFlight.incrementAndGet();
    }

    /** The broker acknowledged the vote being sent, or it failed to. */
    void settled(boolean acknowledged) {
        if (acknowledged) {
            acknowledgedSince.incrementAndGet();
        }
        inFlight.decrementAndGet();
    }

    long votes() {
        return backlog + inFlight.get() + acknowledgedSince.get();
    }

    /** What the broker said last, without this instance's votes since. */
    long measured() {
        return backlog;
    }

    Instant measuredAt() {
        return measuredAt;
    }

    private void measure() {
        // Acknowledged before the broker is asked, so in its figure; one acknowledged meanwhile may count twice
        // until the next measurement, which errs on the safe side.
        long acknowledgedBefore = acknowledgedSince.get();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(2, TimeUnit.SECONDS);
            // the position's time, for the rate: the calls after it take time of their own, which varies under load
            Instant committedAt = Instant.now();
            Map<TopicPartition, OffsetSpec> ends = admin
                    .describeTopics(List.of(Topics.FEEDBACK_VOTES))
                    .allTopicNames()
                    .get(2, TimeUnit.SECONDS)
                    .get(Topics.FEEDBACK_VOTES)
                    .partitions()
                    .stream()
                    .collect(Collectors.toMap(
                            partition -> new TopicPartition(Topics.FEEDBACK_VOTES, partition.partition()),
                            partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> latest =
                    admin.listOffsets(ends).all().get(2, TimeUnit.SECONDS);
            // a partition the group never committed on is read from its start
            Map<TopicPartition, OffsetSpec> uncommitted = new HashMap<>();
            latest.keySet().stream()
                    .filter(partition -> committed.get(partition) == null)
                    .forEach(partition -> uncommitted.put(partition, OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResultInfo> starts = uncommitted.isEmpty()
                    ? Map.of()
                    : admin.listOffsets(uncommitted).all().get(2, TimeUnit.SECONDS);
            long behind = 0;
            long consumed = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : latest.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long from =
                        done != null ? done.offset() : starts.get(end.getKey()).offset();
                behind += Math.max(0, end.getValue().offset() - from);
                consumed += from;
            }
            Instant now = Instant.now();
            backlog = behind;
            rate = rate.observed(consumed, behind, committedAt);
            acknowledgedSince.addAndGet(-acknowledgedBefore);
            measuredAt = now;
        } catch (Exception unanswered) {
            if (unanswered instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Intake backlog not measured: {}", unanswered.toString());
        }
    }

    @Override
    public void destroy() {
        measuring.shutdownNow();
        admin.close();
    }
}
