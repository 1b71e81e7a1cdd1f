package com.healthcontent.editorial.archive;

import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.MedicalReview;
import com.healthcontent.editorial.review.Workflow;
import com.healthcontent.editorial.review.WorkflowStep;
import com.healthcontent.provenance.ApprovalKeys;
import com.healthcontent.provenance.ApprovalRecord;
import com.healthcontent.provenance.ContentDigest;
import com.healthcontent.servicedefaults.problem.ServiceUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every published version of the service's content, kept immutable in the {@code revisions} collection. A version is
 * written when it is published, just before the content's own document says so: should that save fail (another
 * instance changed the content first), the revision stays unpublished and is replaced by the next publication of the
 * same number, so only numbers up to the content's publication count are ever read. Each version carries the
 * platform's signed approval record, so that anyone can check a page without trusting the database.
 */
public class RevisionArchive {

    private static final Logger log = LoggerFactory.getLogger(RevisionArchive.class);

    private final MongoTemplate mongoTemplate;
    private final MeterRegistry meterRegistry;
    private final ApprovalKeys approvalKeys;
    private final String issuer;
    private final Clock clock;

    public RevisionArchive(
            MongoTemplate mongoTemplate,
            MeterRegistry meterRegistry,
            ApprovalKeys approvalKeys,
            String issuer,
            Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.meterRegistry = meterRegistry;
        this.approvalKeys = approvalKeys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * The digest of what readers are about to get, refused (503) when it is not the digest of the revision its
     * reviewers approved, as archived: content changed behind the platform's back (a word edited in the database) is
     * never served as approved. Staff see why in the log and in {@code platform.content.integrity.failures}.
     */
    public String requireApproved(Workflow.Subject subject, int revision, int publications, Object liveContent) {
        String digest = ContentDigest.of(liveContent);
        Optional<ArchivedRevision> approved = find(subject.kind(), subject.id(), revision, publications);
        if (approved.isPresent() && approved.get().digest().equals(digest)) {
            return digest;
        }
        meterRegistry
                .counter(
                        "platform.content.integrity.failures",
                        "type",
                        subject.kind().type())
                .increment();
        log.error(
                "{} {} (revision {}) is not what its reviewers approved: live digest {}, approved {}",
                subject.kind().type(),
                subject.slug(),
                revision,
                digest,
                approved.map(ArchivedRevision::digest).orElse("none archived"));
        throw new ServiceUnavailableException(
                "This page did not pass its integrity check: it is not exactly what its medical reviewers approved."
                        + " Staff have been told.",
                3600);
    }

    /**
     * The signed approval record of what readers get now, with the approved content it signs the digest of; refused
     * like the page itself when the page is not what was approved. A version archived before records were signed is
     * signed when first asked for.
     */
    public RevisionViews.SignedApproval approval(
            Workflow.Subject subject, int revision, int publications, Object liveContent) {
        requireApproved(subject, revision, publications, liveContent);
        ArchivedRevision archived =
                find(subject.kind(), subject.id(), revision, publications).orElseThrow();
        String record = archived.approvalRecord() != null ? archived.approvalRecord() : signLate(archived);
        return new RevisionViews.SignedApproval(record, ContentDigest.canonicalTree(liveContent));
    }

    /** Signed once: should two instances sign at the same moment, the first record kept is the one served. */
    private String signLate(ArchivedRevision archived) {
        Query unsigned = Query.query(
                Criteria.where("_id").is(archived.id()).and("approvalRecord").exists(false));
        mongoTemplate.updateFirst(unsigned, Update.update("approvalRecord", sign(archived)), ArchivedRevision.class);
        return mongoTemplate.findById(archived.id(), ArchivedRevision.class).approvalRecord();
    }

    private String sign(ArchivedRevision revision) {
        return approvalKeys.sign(new ApprovalRecord(
                issuer,
                revision.contentType().toLowerCase(Locale.ROOT),
                revision.contentId(),
                revision.slug(),
                revision.number(),
                revision.digest(),
                revision.approvals().stream()
                        .map(approval -> new ApprovalRecord.Reviewer(
                                approval.name(), approval.credentials(), approval.reviewedAt()))
                        .toList(),
                revision.publishedAt(),
                clock.instant()));
    }

    /**
     * Keeps a published version: its number (the publication count), the content, the approvals it was published
     * with, and the notes each reviewer gave when approving (from the item's {@code history}).
     */
    public ArchivedRevision record(
            Workflow.Subject subject,
            int number,
            Object content,
            List<MedicalReview> approvals,
            List<WorkflowStep> history,
            Instant publishedAt,
            String publishedBy) {
        ArchivedRevision revision = new ArchivedRevision(
                ArchivedRevision.idOf(subject.kind().type(), subject.id(), number),
                subject.kind().type(),
                subject.id(),
                subject.slug(),
                number,
                (Document) mongoTemplate.getConverter().convertToMongoType(content),
                approvals.stream()
                        .map(approval -> new ArchivedRevision.Approval(
                                approval.reviewer(),
                                approval.name(),
                                approval.credentials(),
                                approval.reviewedAt(),
                                notesOf(history, approval)))
                        .toList(),
                publishedAt,
                publishedBy,
                ContentDigest.of(content),
                null);
        return mongoTemplate.save(revision.withApprovalRecord(sign(revision)));
    }

    /** The ids of every archived revision of one type ({@link ArchivedRevision#idOf}), read in one query. */
    public Set<String> archivedIds(ContentKind kind) {
        Query query = Query.query(Criteria.where("contentType").is(kind.type()));
        query.fields().include("_id");
        return mongoTemplate.find(query, Document.class, "revisions").stream()
                .map(revision -> revision.getString("_id"))
                .collect(Collectors.toSet());
    }

    /** The published versions of one item, newest first. */
    public List<ArchivedRevision> list(ContentKind kind, String contentId, int publications) {
        Query query = Query.query(Criteria.where("contentType")
                        .is(kind.type())
                        .and("contentId")
                        .is(contentId)
                        .and("number")
                        .lte(publications))
                .with(Sort.by(Sort.Direction.DESC, "number"));
        return mongoTemplate.find(query, ArchivedRevision.class);
    }

    public Optional<ArchivedRevision> find(ContentKind kind, String contentId, int number, int publications) {
        if (number < 1 || number > publications) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                mongoTemplate.findById(ArchivedRevision.idOf(kind.type(), contentId, number), ArchivedRevision.class));
    }

    /** The archived content as the content type's own record. */
    public <T> T content(ArchivedRevision revision, Class<T> type) {
        return mongoTemplate.getConverter().read(type, revision.content());
    }

    private static String notesOf(List<WorkflowStep> history, MedicalReview approval) {
        for (int i = history.size() - 1; i >= 0; i--) {
            WorkflowStep step = history.get(i);
            if (step.actor().equals(approval.reviewer()) && step.action().equals("approved")) {
                return step.notes();
            }
        }
        return null;
    }
}
