package com.healthcontent.messaging.outbox;

import com.healthcontent.events.Changed;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.messaging.StoredFields;
import com.healthcontent.servicedefaults.ids.TimeOrderedIds;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.InstantiationAwarePropertyAccessor;
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
 * never replaced as a whole.
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

    @SuppressWarnings("unchecked")
    private <T> T write(Changed<T> changed, boolean insert) {
        T aggregate = changed.aggregate();
        MongoConverter converter = mongoTemplate.getConverter();
        MongoPersistentEntity<?> entity =
                converter.getMappingContext().getRequiredPersistentEntity(aggregate.getClass());
        String collection = entity.getCollection();
        Document document = new Document();
        converter.write(aggregate, document);
        Object id = document.get("_id");
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        Number version = versionProperty == null
                ? null
                : (Number) entity.getPropertyAccessor(aggregate).getProperty(versionProperty);
        Long newVersion = version == null ? 0L : version.longValue() + 1;
        if (versionProperty != null) {
            document.put(versionProperty.getFieldName(), newVersion);
        }
        List<Document> events = changed.events().stream().map(this::stored).toList();

        if (insert || versionProperty != null && version == null) {
            mongoTemplate.insert(new Document(document).append(OutboxRelay.OUTBOX_FIELD, events), collection);
        } else {
            Criteria current = Criteria.where("_id").is(id);
            if (versionProperty != null) {
                current = current.and(versionProperty.getFieldName()).is(version);
            }
            Update update = StoredFields.setTo(converter.getMappingContext(), entity, document);
            if (!events.isEmpty()) {
                update.push(OutboxRelay.OUTBOX_FIELD).each(events.toArray()); // behind the events still waiting
            }
            UpdateResult result = mongoTemplate.updateFirst(Query.query(current), update, collection);
            if (result.getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException(entity.getType().getSimpleName() + " " + id
                        + " changed since version " + version + " was read");
            }
        }
        relay.enqueue(collection, id, events);
        T saved = aggregate;
        if (versionProperty != null) { // the stored state: the same aggregate at its new version, as Spring Data does
            PersistentPropertyAccessor<T> accessor = new InstantiationAwarePropertyAccessor<>(
                    aggregate, bean -> (PersistentPropertyAccessor<T>) entity.getPropertyAccessor(bean), INSTANTIATORS);
            accessor.setProperty(versionProperty, newVersion);
            saved = accessor.getBean();
        }
        publisher.publishEvent(new AfterSaveEvent<>(saved, document, collection));
        return saved;
    }

    private Document stored(IntegrationEvent event) {
        OutboxEvent outboxEvent = new OutboxEvent(
                TimeOrderedIds.next(),
                event.type().topic(),
                event.aggregateId(),
                event.type().ceType(),
                event.subject(),
                clock.instant(),
                source,
                jsonMapper.writeValueAsString(event.data()),
                currentTraceContext());
        Document document = new Document();
        mongoTemplate.getConverter().write(outboxEvent, document);
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
