package com.healthcontent.editorial.review;

import com.healthcontent.editorial.staff.StaffProfile;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One recorded step of the editorial workflow of an article or exercise: who did what, when, from which status to
 * which, with which notes. Kept with the content and shown to staff.
 */
public record WorkflowStep(Instant at, String actor, String action, String from, String to, String notes) {

    public static final String SYSTEM = "system";

    /** A step as staff see it: with the name of who took it, from the staff directory. */
    public record Named(
            Instant at, String actor, String actorName, String action, String from, String to, String notes) {}

    public static List<Named> named(List<WorkflowStep> steps, Function<String, StaffProfile> people) {
        return steps.stream()
                .map(step -> new Named(
                        step.at(),
                        step.actor(),
                        SYSTEM.equals(step.actor())
                                ? SYSTEM
                                : people.apply(step.actor()).name(),
                        step.action(),
                        step.from(),
                        step.to(),
                        step.notes()))
                .toList();
    }
}
