package com.healthcontent.events;

import java.time.Instant;

public record ExerciseRetired(String exerciseId, String slug, Instant retiredAt, long version) {}
