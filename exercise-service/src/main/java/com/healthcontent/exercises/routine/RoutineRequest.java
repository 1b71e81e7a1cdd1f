package com.healthcontent.exercises.routine;

import com.healthcontent.servicedefaults.text.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of POST and PUT /api/v1/routines; a dose given for an item replaces the exercise's own there. */
public record RoutineRequest(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
        @Size(max = 120)
        String slug,

        @NotBlank @Size(max = 120) @SafeText String name,
        @NotBlank @Size(max = 300) @SafeText String goal,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid RoutineItem> items) {

    public RoutineContent content() {
        return new RoutineContent(name, goal, items);
    }
}
