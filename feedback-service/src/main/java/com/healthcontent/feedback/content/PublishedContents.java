package com.healthcontent.feedback.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.messaging.consumer.ReadModels;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The read model of what is published, built from article.events and exercise.events. An event carrying an
 * older version than the one stored changes nothing, so redelivery and replays are harmless.
 *
 * <p>Every submission looks its target up, and a submission is accepted without any database round trip, even while
 * MongoDB is unreachable: so this instance keeps every live item in memory, reloaded every few seconds, changed at once
 * by the events this instance handles, and asked of MongoDB only for an item it does not know while the store answers.
 * Another instance may accept feedback on content taken down for at most the reload interval, which is harmless
 * (it is kept and triaged). Alerts look up any item, live or not, cached briefly.
 */
@Component
public class PublishedContents {

    private static final Logger log = LoggerFactory.getLogger(PublishedContents.class);
    private static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private final MongoTemplate mongoTemplate;
    /** Live items by {@code TYPE:id} and {@code TYPE:slug}. */
    private volatile Map<String, PublishedContent> liveByKey = new ConcurrentHashMap<>();
    /** Whether the last reload reached the store: while it does not, unknown items are not asked of it. */
    private volatile boolean storeAnswering = true;
    /** Whether the live items were ever loaded: until then this instance cannot tell live content from unknown. */
    private volatile boolean loaded;

    private final Cache<String, PublishedContent> anyById = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHED_FOR)
            .build();

    PublishedContents(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @Scheduled(fixedDelayString = "${platform.feedback.content-reload-interval:5s}")
    void reload() {
        try {
            Map<String, PublishedContent> loaded = new ConcurrentHashMap<>();
            mongoTemplate
                    .find(Query.query(Criteria.where("live").is(true)), PublishedContent.class)
                    .forEach(content -> remember(loaded, content));
            liveByKey = loaded;
            storeAnswering = true;
            this.loaded = true;
        } catch (RuntimeException unreachable) {
            storeAnswering = false;
            log.warn("Published content not reloaded, answering from memory: {}", unreachable.getMessage());
        }
    }

    /**
     * Whether this instance knows what is live: it takes readers' answers from the first load on, whether MongoDB
     * answers or not (readiness, {@code ContentLoadedHealthIndicator}).
     */
    public boolean loaded() {
        return loaded;
    }

    private static void remember(Map<String, PublishedContent> byKey, PublishedContent content) {
        byKey.put(content.type() + ":" + content.id(), content);
        byKey.put(content.type() + ":" + content.slug(), content);
    }

    /** Live content by id or by slug, as clients may know either. */
    public Optional<PublishedContent> findLive(ContentType type, String idOrSlug) {
        PublishedContent known = liveByKey.get(type + ":" + idOrSlug);
        if (known != null || !storeAnswering) {
            return Optional.ofNullable(known);
        }
        Optional<PublishedContent> found = findLiveStored(type, idOrSlug);
        found.ifPresent(content -> remember(liveByKey, content));
        return found;
    }

    private Optional<PublishedContent> findLiveStored(ContentType type, String idOrSlug) {
        PublishedContent byId = mongoTemplate.findById(idOrSlug, PublishedContent.class);
        if (byId != null && byId.type() == type) {
            return Optional.of(byId).filter(PublishedContent::live);
        }
        return Optional.ofNullable(mongoTemplate.findOne(
                Query.query(Criteria.where("type")
                        .is(type)
                        .and("slug")
                        .is(idOrSlug)
                        .and("live")
                        .is(true)),
                PublishedContent.class));
    }

    /** Live content as this instance last loaded it, without asking the store: for lists over many items. */
    public Optional<PublishedContent> findLiveLoaded(ContentType type, String id) {
        return Optional.ofNullable(liveByKey.get(type + ":" + id));
    }

    /** Whatever is known of the content, live or not: who answers for it does not change when it is taken down. */
    public Optional<PublishedContent> find(String id) {
        return Optional.ofNullable(anyById.get(id, key -> mongoTemplate.findById(key, PublishedContent.class)));
    }

    @EventHandler({EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_REVISED})
    void keepArticle(ArticlePublished article) {
        keep(new PublishedContent(
                article.articleId(),
                ContentType.ARTICLE,
                article.slug(),
                article.title(),
                article.author(),
                article.medicalReviewers(),
                true,
                article.revision()));
    }

    @EventHandler({EventType.EXERCISE_PUBLISHED, EventType.EXERCISE_UPDATED})
    void keepExercise(ExercisePublished exercise) {
        keep(new PublishedContent(
                exercise.exerciseId(),
                ContentType.EXERCISE,
                exercise.slug(),
                exercise.name(),
                exercise.author(),
                exercise.medicalReviewers(),
                true,
                exercise.version()));
    }

    @EventHandler(EventType.ARTICLE_UNPUBLISHED)
    void withdrawArticle(ArticleUnpublished article) {
        withdraw(article.articleId());
    }

    @EventHandler(EventType.EXERCISE_RETIRED)
    void withdrawExercise(ExerciseRetired exercise) {
        withdraw(exercise.exerciseId());
    }

    private void keep(PublishedContent content) {
        if (ReadModels.keepNewest(mongoTemplate, content, "version")) {
            reloadAndForgetCached();
        }
    }

    private void reloadAndForgetCached() {
        reload();
        anyById.invalidateAll();
    }

    /** Who answers for it stays known: feedback already given is still triaged. */
    private void withdraw(String id) {
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(id)), new Update().set("live", false), PublishedContent.class);
        reloadAndForgetCached();
    }
}
