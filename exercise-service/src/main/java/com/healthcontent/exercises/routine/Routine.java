package com.healthcontent.exercises.routine;

import com.healthcontent.servicedefaults.problem.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An ordered set of exercises with a goal ("ease back stiffness"), done together. */
@Document("routines")
public record Routine(
        @Id String id,
        @Indexed(unique = true) String slug,
        String name,
        String goal,
        @Indexed List<RoutineItem> items,
        String author,
        RoutineStatus status,
        Instant createdAt,
        Instant publishedAt,
        @Version Long version) {

    public Routine {
        items = List.copyOf(items);
    }

    static Routine draft(String slug, String name, String goal, List<RoutineItem> items, String author, Instant now) {
        return new Routine(
                UUID.randomUUID().toString(), slug, name, goal, items, author, RoutineStatus.DRAFT, now, null, null);
    }

    Routine publish(Instant now) {
        if (status != RoutineStatus.DRAFT) {
            throw new ConflictException("Routine '" + slug + "' is already published.");
        }
        return new Routine(id, slug, name, goal, items, author, RoutineStatus.PUBLISHED, createdAt, now, version);
    }
}
