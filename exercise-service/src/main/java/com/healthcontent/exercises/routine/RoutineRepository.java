package com.healthcontent.exercises.routine;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface RoutineRepository extends MongoRepository<Routine, String> {

    Optional<Routine> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
