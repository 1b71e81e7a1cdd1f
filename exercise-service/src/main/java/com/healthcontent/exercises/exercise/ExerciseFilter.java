package com.healthcontent.exercises.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

/** The public list's filters over the live versions; retired and never published exercises are never listed. */
public record ExerciseFilter(
        BodyRegion bodyRegion,
        Position position,
        String equipment,
        Difficulty difficulty,
        Integer maxDurationSeconds,
        String q) {

    Criteria toCriteria(TextMatches textMatches) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("content").ne(null).and("retiredAt").is(null));
        if (bodyRegion != null) {
            criteria.add(Criteria.where("content.bodyRegions").is(bodyRegion));
        }
        if (position != null) {
            criteria.add(Criteria.where("content.position").is(position));
        }
        if (equipment != null && !equipment.isBlank()) {
            criteria.add(Criteria.where("content.equipment").regex("^" + Pattern.quote(equipment.strip()) + "$", "i"));
        }
        if (difficulty != null) {
            criteria.add(Criteria.where("content.difficulty").is(difficulty));
        }
        if (maxDurationSeconds != null) {
            criteria.add(Criteria.where("sessionSeconds").lte(maxDurationSeconds));
        }
        if (q != null && !q.isBlank()) {
            criteria.add(Criteria.where("_id").in(textMatches.exerciseIds(q)));
        }
        return new Criteria().andOperator(criteria);
    }
}
