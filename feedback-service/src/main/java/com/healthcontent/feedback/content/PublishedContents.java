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
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The read model of what is published, built from article.events and exercise.events. An event carrying an
 * older version than the one stored changes nothing, so redelivery and replays are harmless.
 *
 * <p>Every submission and every alert looks its target up, so content is cached for a few seconds: a burst of
 * votes on one article costs one query, not one each. Changes seen by this instance clear the cache at once; another instance
 * may accept feedback on content taken down for at most that long, which is harmless (it is kept and triaged).
 */
@Component
public class PublishedContents {

    private static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private final MongoTemplate mongoTemplate;
    private final Cache<String, PublishedContent> liveByKey = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHED_FOR)
            .build();
    private final Cache<String, PublishedContent> anyById = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHED_FOR)
            .build();

    PublishedContents(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    /** Live content by id or by slug, as clients may know either. */
    public Optional<PublishedContent> findLive(ContentType type, String idOrSlug) {
        String key = type + ":" + idOrSlug;
        PublishedContent cached = liveByKey.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PublishedContent> found = findLiveStored(type, idOrSlug);
        found.ifPresent(content -> liveByKey.put(key, content));
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
            forgetCached();
        }
    }

    private void forgetCached() {
        liveByKey.invalidateAll();
        anyById.invalidateAll();
    }

    /** Who answers for it stays known: feedback already given is still triaged. */
    private void withdraw(String id) {
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(id)), new Update().set("live", false), PublishedContent.class);
        forgetCached();
    }
}
