package com.healthcontent.events;

import java.time.Instant;

/** An editor took a routine down, saying why. */
public record RoutineUnpublished(String routineId, String slug, String reason, Instant unpublishedAt) {}
