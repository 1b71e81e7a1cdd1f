package com.healthcontent.exercises.exercise;

import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.servicedefaults.events.IntegrationEvents;
import com.healthcontent.servicedefaults.events.OutboxEvent;
import com.healthcontent.servicedefaults.problem.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An exercise and its lifecycle. Every change returns a new value; a change other services must hear about
 * adds its event to {@code outbox}, written in the same document write as the change itself.
 */
@Document("exercises")
public record Exercise(
        @Id String id,
        @Indexed(unique = true) String slug,
        ExerciseContent content,
        String author,
        List<String> medicalReviewers,
        ExerciseStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant retiredAt,
        @Indexed String searchText,
        @Indexed Integer sessionSeconds,
        @Version Long version,
        List<OutboxEvent> outbox) {

    public Exercise {
        // Derived, stored only so lists can filter on it; recomputed so documents written before it existed load.
        sessionSeconds = content.dose().maxSessionSeconds();
        medicalReviewers = medicalReviewers == null ? List.of() : List.copyOf(medicalReviewers);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public static Exercise draft(String slug, ExerciseContent content, String author, List<String> medicalReviewers,
            Instant now) {
        return new Exercise(UUID.randomUUID().toString(), slug, content, author, medicalReviewers,
                ExerciseStatus.DRAFT, now, now, null, null, content.searchText(), content.dose().maxSessionSeconds(), null, List.of());
    }

    /** A published exercise stays published when it changes, and other services hear about the change. */
    public Exercise revise(ExerciseContent newContent, List<String> newReviewers, Instant now,
            IntegrationEvents events) {
        if (status == ExerciseStatus.RETIRED) {
            throw new ConflictException("Exercise '" + slug + "' is retired and can no longer change.");
        }
        Exercise revised = new Exercise(id, slug, newContent, author, newReviewers, status, createdAt, now,
                publishedAt, retiredAt, newContent.searchText(), newContent.dose().maxSessionSeconds(), version, outbox);
        return status == ExerciseStatus.PUBLISHED
                ? revised.withEvent(events.create(EventType.EXERCISE_UPDATED, id, slug, revised.summaryEvent()))
                : revised;
    }

    public Exercise publish(Instant now, IntegrationEvents events) {
        if (status != ExerciseStatus.DRAFT) {
            throw new ConflictException("Only a draft can be published; exercise '" + slug + "' is " + status + ".");
        }
        Exercise published = new Exercise(id, slug, content, author, medicalReviewers, ExerciseStatus.PUBLISHED,
                createdAt, now, now, null, searchText, sessionSeconds, version, outbox);
        return published.withEvent(events.create(EventType.EXERCISE_PUBLISHED, id, slug, published.summaryEvent()));
    }

    public Exercise retire(Instant now, IntegrationEvents events) {
        if (status != ExerciseStatus.PUBLISHED) {
            throw new ConflictException("Only a published exercise can be retired; '" + slug + "' is " + status + ".");
        }
        Exercise retired = new Exercise(id, slug, content, author, medicalReviewers, ExerciseStatus.RETIRED,
                createdAt, now, publishedAt, now, searchText, sessionSeconds, version, outbox);
        return retired.withEvent(events.create(EventType.EXERCISE_RETIRED, id, slug,
                new ExerciseRetired(id, slug, now, nextVersion())));
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    private long nextVersion() {
        return currentVersion() + 1;
    }

    private ExercisePublished summaryEvent() {
        return new ExercisePublished(id, slug, content.name(), content.summary(),
                content.bodyRegions().stream().map(Enum::name).toList(), content.position().name(), author,
                medicalReviewers, publishedAt, nextVersion());
    }

    private Exercise withEvent(OutboxEvent event) {
        List<OutboxEvent> pending = new ArrayList<>(outbox);
        pending.add(event);
        return new Exercise(id, slug, content, author, medicalReviewers, status, createdAt, updatedAt, publishedAt,
                retiredAt, searchText, sessionSeconds, version, pending);
    }
}
