package com.healthcontent.exercises.routine;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface RoutineRepository extends MongoRepository<Routine, String> {

    Optional<Routine> findBySlug(String slug);

    boolean existsBySlug(String slug);

    Page<Routine> findByStatus(RoutineStatus status, Pageable pageable);

    Page<Routine> findByStatusAndItemsExerciseIdIn(
            RoutineStatus status, Collection<String> exerciseIds, Pageable pageable);
}
