package com.healthcontent.exercises.exercise;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ExerciseRepository extends MongoRepository<Exercise, String> {

    Optional<Exercise> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Exercise> findByIdIn(Collection<String> ids);
}
