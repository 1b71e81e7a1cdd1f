package com.healthcontent.editorial.review;

import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.servicedefaults.problem.ForbiddenException;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Content in review that waits on someone who can no longer review it: a reviewer named on it who has not approved
 * yet and is no longer a medical reviewer in the staff directory (disabled, gone, or without the role now). Nothing
 * moves until an editor gives it to someone else, so editors see it on their desk ({@code GET
 * /api/v1/{articles|exercises|routines}/stalled-reviews}).
 */
public final class StalledReviews {

    /** The content in review a listing looks at: an editorial queue, not a catalogue. */
    public static final int MAX_IN_REVIEW = 500;

    private StalledReviews() {}

    /**
     * @param awaiting    the reviewers named on it who have not approved yet
     * @param unavailable those of them who can no longer review
     */
    public record Stalled(
            String type,
            String id,
            String slug,
            String title,
            String author,
            Instant submittedAt,
            List<String> awaiting,
            List<String> unavailable) {}

    public record Listing(List<Stalled> items) {}

    /** Editors only: they are the ones who reassign. */
    public static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw new ForbiddenException("Editors see the reviews waiting on someone who cannot review.");
        }
    }

    /**
     * The content of one collection that is in review and waits on someone who cannot review it, the longest waiting
     * first; {@code subject} and {@code workflow} read them off the collection's documents.
     */
    public static <T> List<Stalled> among(
            MongoTemplate mongoTemplate,
            Class<T> collection,
            Function<T, Workflow.Subject> subject,
            Function<T, Workflow> workflow,
            StaffDirectory directory) {
        Query inReview = Query.query(Criteria.where("status").is(ContentStatus.IN_REVIEW.name()))
                .with(Sort.by("submittedAt", "_id"))
                .limit(MAX_IN_REVIEW);
        return mongoTemplate.find(inReview, collection).stream()
                .flatMap(content -> of(subject.apply(content), workflow.apply(content), directory).stream())
                .toList();
    }

    /** The content's row when it waits on someone who cannot review it; empty otherwise. */
    static Optional<Stalled> of(Workflow.Subject subject, Workflow workflow, StaffDirectory directory) {
        List<String> awaiting = workflow.reviewRound().awaiting();
        List<String> unavailable = awaiting.stream()
                .filter(reviewer -> directory
                        .find(reviewer)
                        .filter(StaffProfile::isMedicalReviewer)
                        .isEmpty())
                .toList();
        if (unavailable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stalled(
                subject.kind().type(),
                subject.id(),
                subject.slug(),
                subject.title(),
                workflow.author(),
                workflow.submittedAt(),
                awaiting,
                unavailable));
    }
}
