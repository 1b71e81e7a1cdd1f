package com.healthcontent.messaging.outbox;

import com.healthcontent.events.Changed;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.messaging.StoredFields;
import com.healthcontent.servicedefaults.ids.TimeOrderedIds;
import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.InstantiationAwarePropertyAccessor;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a domain step's outcome: the aggregate's new state and its events in one single-document write, the events
 * in the document's {@code outbox} (an {@link OutboxEvent} each: an id, the time, this service as source, the JSON
 * data and the trace of the request), where {@link OutboxRelay} finds them, sends them and removes them. Either both
 * are stored or neither. The events already waiting in the outbox stay: the aggregate's fields are set one by one,
 * never replaced as a whole. A consumer storing a batch of new aggregates may send their events straight to the broker
 * instead ({@link #insertAllAndPublish}), provided it announces them again when the batch comes again.
 */
public class Outbox {

    private static final EntityInstantiators INSTANTIATORS = new EntityInstantiators();

    private final MongoTemplate mongoTemplate;
    private final OutboxRelay relay;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper jsonMapper;
    private final String source;
    private final Clock clock;
    private final Tracer tracer;
    private final Propagator propagator;

    public Outbox(
            MongoTemplate mongoTemplate,
            OutboxRelay relay,
            ApplicationEventPublisher publisher,
            JsonMapper jsonMapper,
            String serviceName,
            Clock clock,
            Tracer tracer,
            Propagator propagator) {
        this.mongoTemplate = mongoTemplate;
        this.relay = relay;
        this.publisher = publisher;
        this.jsonMapper = jsonMapper;
        this.source = "/" + serviceName;
        this.clock = clock;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** A new aggregate with its events, in one insert (a taken id or unique key: DuplicateKeyException, nothing stored). */
    public <T> T insert(Changed<T> changed) {
        return write(changed, true);
    }

    /**
     * The aggregate's new state with its events, in one update of its document; a new aggregate (no version yet) is
     * inserted. Refused with {@link OptimisticLockingFailureException} when the stored version is no longer the one
     * the step started from.
     */
    public <T> T save(Changed<T> changed) {
        return write(changed, false);
    }

    /**
     * New aggregates with their events (all of one type), in one unordered bulk insert: a busy consumer pays one round
     * trip for a batch. Returns those not stored because their id or a unique key was taken (nothing of theirs is
     * stored); everything else is.
     */
    public <T> List<Changed<T>> insertAll(List<Changed<T>> changes) {
        return insertAll(changes, true, new ArrayList<>());
    }

    /** With or without the events in the documents' outboxes; what was stored is added to {@code inserted}. */
    private <T> List<Changed<T>> insertAll(List<Changed<T>> changes, boolean withOutbox, List<Prepared<T>> inserted) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Prepared<T>> prepared = changes.stream().map(this::prepare).toList();
        String collection = prepared.get(0).collection();
        BulkOperations bulk = mongoTemplate.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        prepared.forEach(p -> bulk.insert(
                withOutbox ? new Document(p.document()).append(OutboxRelay.OUTBOX_FIELD, p.events()) : p.document()));
        Set<Integer> taken = new HashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException refused) {
            for (BulkWriteError error : refused.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw refused;
                }
                taken.add(error.getIndex());
            }
        }
        List<Changed<T>> notStored = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (taken.contains(i)) {
                notStored.add(changes.get(i));
            } else {
                stored(prepared.get(i), withOutbox);
                inserted.add(prepared.get(i));
            }
        }
        return notStored;
    }

    /**
     * New aggregates in one unordered bulk insert like {@link #insertAll}, their events sent straight to Kafka instead
     * of waiting in their outboxes: this saves the relay's removal, a second write of every document, for a consumer
     * that stores a poll's new aggregates and has the poll's offsets committed only after this returns. Each event
     * must carry an id derived from what it announces ({@link IntegrationEvent#withId}): should the instance die
     * before the broker has them, the poll comes again, finds the aggregates stored, and must announce them again
     * ({@link #publishAgain}) under the same ids, which consumers recognise. Events the broker does not take in time
     * are put in their aggregates' outboxes for the relay. Returns those not stored because their id or a unique key
     * was taken.
     */
    public <T> List<Changed<T>> insertAllAndPublish(List<Changed<T>> changes) {
        changes.forEach(Outbox::requireOwnIds);
        List<Prepared<T>> inserted = new ArrayList<>();
        List<Changed<T>> notStored = insertAll(changes, false, inserted);
        publishOrKeep(inserted);
        return notStored;
    }

    /**
     * Announces again the events of aggregates stored earlier ({@link #insertAllAndPublish}), under the ids they
     * carry; those the broker does not take in time are put in their aggregates' outboxes.
     */
    public <T> void publishAgain(List<Changed<T>> stored) {
        stored.forEach(Outbox::requireOwnIds);
        publishOrKeep(stored.stream().map(this::prepare).toList());
    }

    private static void requireOwnIds(Changed<?> changed) {
        if (changed.events().stream().anyMatch(event -> event.id() == null)) {
            throw new IllegalArgumentException(
                    "Events sent without the outbox need ids of their own: " + changed.events());
        }
    }

    private <T> void publishOrKeep(List<Prepared<T>> stored) {
        if (stored.isEmpty()) {
            return;
        }
        List<OutboxEvent> events = stored.stream()
                .flatMap(prepared -> prepared.outgoing().stream())
                .toList();
        if (relay.sendNow(events)) {
            return;
        }
        String collection = stored.get(0).collection();
        BulkOperations kept = mongoTemplate.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        stored.forEach(prepared -> kept.updateOne(
                Query.query(Criteria.where("_id").is(prepared.id())),
                new Update()
                        .push(OutboxRelay.OUTBOX_FIELD)
                        .each(prepared.events().toArray())));
        kept.execute();
        stored.forEach(prepared -> relay.enqueue(prepared.collection(), prepared.id(), prepared.events()));
    }

    /** An aggregate's document, its version advanced, and its events, as sent and as stored. */
    private record Prepared<T>(
            MongoPersistentEntity<?> entity,
            String collection,
            Object id,
            Document document,
            Number version,
            Long newVersion,
            List<OutboxEvent> outgoing,
            List<Document> events,
            T aggregate) {}

    private <T> Prepared<T> prepare(Changed<T> changed) {
        T aggregate = changed.aggregate();
        MongoConverter converter = mongoTemplate.getConverter();
        MongoPersistentEntity<?> entity =
                converter.getMappingContext().getRequiredPersistentEntity(aggregate.getClass());
        Document document = new Document();
        converter.write(aggregate, document);
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        Number version = versionProperty == null
                ? null
                : (Number) entity.getPropertyAccessor(aggregate).getProperty(versionProperty);
        Long newVersion = version == null ? 0L : version.longValue() + 1;
        if (versionProperty != null) {
            document.put(versionProperty.getFieldName(), newVersion);
        }
        List<OutboxEvent> outgoing =
                changed.events().stream().map(this::outgoing).toList();
        List<Document> events = outgoing.stream().map(this::stored).toList();
        return new Prepared<>(
                entity,
                entity.getCollection(),
                document.get("_id"),
                document,
                version,
                newVersion,
                outgoing,
                events,
                aggregate);
    }

    private <T> T write(Changed<T> changed, boolean insert) {
        Prepared<T> prepared = prepare(changed);
        MongoPersistentEntity<?> entity = prepared.entity();
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        if (insert || versionProperty != null && prepared.version() == null) {
            mongoTemplate.insert(
                    new Document(prepared.document()).append(OutboxRelay.OUTBOX_FIELD, prepared.events()),
                    prepared.collection());
        } else {
            Criteria current = Criteria.where("_id").is(prepared.id());
            if (versionProperty != null) {
                current = current.and(versionProperty.getFieldName()).is(prepared.version());
            }
            Update update =
                    StoredFields.setTo(mongoTemplate.getConverter().getMappingContext(), entity, prepared.document());
            if (!prepared.events().isEmpty()) {
                update.push(OutboxRelay.OUTBOX_FIELD).each(prepared.events().toArray()); // behind those still waiting
            }
            UpdateResult result = mongoTemplate.updateFirst(Query.query(current), update, prepared.collection());
            if (result.getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException(entity.getType().getSimpleName() + " " + prepared.id()
                        + " changed since version " + prepared.version() + " was read");
            }
        }
        return stored(prepared, true);
    }

    /** Hands the events stored in its outbox to the relay; the stored state: the same aggregate at its new version. */
    @SuppressWarnings("unchecked")
    private <T> T stored(Prepared<T> prepared, boolean inOutbox) {
        if (inOutbox) {
            relay.enqueue(prepared.collection(), prepared.id(), prepared.events());
        }
        MongoPersistentEntity<?> entity = prepared.entity();
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        T saved = prepared.aggregate();
        if (versionProperty != null) { // as Spring Data does
            PersistentPropertyAccessor<T> accessor = new InstantiationAwarePropertyAccessor<>(
                    saved, bean -> (PersistentPropertyAccessor<T>) entity.getPropertyAccessor(bean), INSTANTIATORS);
            accessor.setProperty(versionProperty, prepared.newVersion());
            saved = accessor.getBean();
        }
        publisher.publishEvent(new AfterSaveEvent<>(saved, prepared.document(), prepared.collection()));
        return saved;
    }

    private OutboxEvent outgoing(IntegrationEvent event) {
        return new OutboxEvent(
                event.id() == null ? TimeOrderedIds.next() : event.id(),
                event.type().topic(),
                event.aggregateId(),
                event.type().ceType(),
                event.subject(),
                clock.instant(),
                source,
                jsonMapper.writeValueAsString(event.data()),
                currentTraceContext());
    }

    private Document stored(OutboxEvent event) {
        Document document = new Document();
        mongoTemplate.getConverter().write(event, document);
        return document;
    }

    private Map<String, String> currentTraceContext() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || propagator == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier;
    }
}
