package com.healthcontent.feedback.triage;

import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.submission.Feedback;
import com.healthcontent.feedback.submission.ProblemReason;
import com.healthcontent.feedback.submission.ReportStatus;
import com.healthcontent.messaging.outbox.Outbox;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.problem.Violations;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.security.Role;
import com.healthcontent.servicedefaults.web.PagedQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Problem reports for the people who answer for the content: its medical reviewers, and editors for all. */
@Service
public class Reports {

    static final Duration MAX_EXPORT_RANGE = Duration.ofDays(366);
    static final int MAX_EXPORT_ROWS = 50_000;

    public record Filter(ReportStatus status, ProblemReason reason, ContentType type, String id) {}

    private final MongoTemplate mongoTemplate;
    private final Outbox outbox;
    private final Clock clock;

    Reports(MongoTemplate mongoTemplate, Outbox outbox, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('MEDICAL_REVIEWER', 'EDITOR')")
    public Page<Feedback> visibleTo(Actor actor, Filter filter, Pageable pageable) {
        Query query = Query.query(criteria(actor, filter));
        return PagedQueries.page(mongoTemplate, query, pageable, Feedback.class);
    }

    public Feedback changeStatus(String id, ReportStatus to, String note, Actor actor) {
        Feedback report = mongoTemplate.findById(id, Feedback.class);
        if (report == null || !report.isProblemReport()) {
            throw new ResourceNotFoundException("Problem report", id);
        }
        return outbox.save(report.changeStatus(to, note, actor, clock.instant()));
    }

    /** Reports submitted in [from, to), oldest first, for a spreadsheet. */
    @PreAuthorize("hasAnyRole('MEDICAL_REVIEWER', 'EDITOR')")
    public List<Feedback> export(Actor actor, Instant from, Instant to) {
        String instant = "is required: a date and time in ISO 8601 with its offset, e.g. 2026-12-01T00:00:00Z";
        new Violations()
                .require(from != null, "from", instant)
                .require(to != null, "to", instant)
                .require(from == null || to == null || from.isBefore(to), "to", "must be after from")
                .throwIfAny();
        if (Duration.between(from, to).compareTo(MAX_EXPORT_RANGE) > 0) {
            throw new InvalidInputException("to", "a range of at most 366 days");
        }
        Criteria criteria = criteria(actor, new Filter(null, null, null, null))
                .and("submittedAt")
                .gte(from)
                .lt(to);
        return mongoTemplate.find(
                Query.query(criteria).with(Sort.by("submittedAt")).limit(MAX_EXPORT_ROWS), Feedback.class);
    }

    private static Criteria criteria(Actor actor, Filter filter) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("reason").ne(null));
        if (!actor.has(Role.EDITOR)) {
            all.add(Criteria.where("reviewers").is(actor.username())); // a reviewer sees what they review
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.reason() != null) {
            all.add(Criteria.where("reason").is(filter.reason()));
        }
        if (filter.type() != null) {
            all.add(Criteria.where("targetType").is(filter.type()));
        }
        if (filter.id() != null && !filter.id().isBlank()) {
            all.add(new Criteria()
                    .orOperator(
                            Criteria.where("targetId").is(filter.id()),
                            Criteria.where("targetSlug").is(filter.id())));
        }
        return new Criteria().andOperator(all);
    }
}
