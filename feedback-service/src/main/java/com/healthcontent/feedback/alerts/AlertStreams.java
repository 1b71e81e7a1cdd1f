package com.healthcontent.feedback.alerts;

import com.healthcontent.events.EventType;
import com.healthcontent.events.ReviewerAlerted;
import com.healthcontent.messaging.consumer.EventHandler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Reviewers' live alert streams (Server-Sent Events) connected to this instance. Every instance reads
 * reviewer-alerted events in a consumer group of its own, so a reviewer gets the alert whichever instance their
 * stream is connected to.
 */
@Component
class AlertStreams {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    private final MongoTemplate mongoTemplate;

    AlertStreams(MongoTemplate mongoTemplate, MeterRegistry meterRegistry) {
        this.mongoTemplate = mongoTemplate;
        Gauge.builder(
                        "platform.alerts.streams",
                        streams,
                        s -> s.values().stream().mapToInt(Set::size).sum())
                .description("Live alert streams connected to this instance")
                .register(meterRegistry);
    }

    /** Clients reconnect after the timeout (EventSource does so by itself); a proxy never holds one forever. */
    SseEmitter open(String username) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Set<SseEmitter> mine = streams.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet());
        mine.add(emitter);
        Runnable remove = () -> mine.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    @EventHandler(value = EventType.REVIEWER_ALERTED, pipeline = EventHandler.BROADCAST)
    void push(ReviewerAlerted alerted) {
        Set<SseEmitter> connected = streams.getOrDefault(alerted.recipient(), Set.of());
        if (connected.isEmpty()) {
            return;
        }
        // the stored alert, as the inbox shows it (the event leaves the reader's words out)
        Alert alert = mongoTemplate.findById(alerted.alertId(), Alert.class);
        if (alert == null) {
            return;
        }
        AlertView view = AlertView.of(alert);
        for (SseEmitter emitter : connected) {
            try {
                emitter.send(SseEmitter.event().id(view.id()).name("alert").data(view));
            } catch (IOException | IllegalStateException gone) {
                connected.remove(emitter);
            }
        }
    }

    @Scheduled(fixedDelayString = "${platform.feedback.alerts.stream-heartbeat:15s}")
    void heartbeat() {
        streams.forEach((user, emitters) -> emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }));
    }
}
