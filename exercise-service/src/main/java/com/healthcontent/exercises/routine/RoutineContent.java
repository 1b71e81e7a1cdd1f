package com.healthcontent.exercises.routine;

import java.util.List;

/** What a routine says, the part its reviewers approve: its name, its goal, and its exercises in order with doses. */
public record RoutineContent(String name, String goal, List<RoutineItem> items) {

    public RoutineContent {
        items = List.copyOf(items);
    }

    public List<String> exerciseIds() {
        return items.stream().map(RoutineItem::exerciseId).distinct().toList();
    }
}
