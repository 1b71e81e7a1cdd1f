package com.healthcontent.feedback.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.servicedefaults.events.IntegrationEventHandler;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The read model of what is published, built from article.events and exercise.events. An event carrying an
 * older version than the one stored changes nothing, so redelivery and replays are harmless.
 *
 * <p>Every submission and every alert looks its target up, so content is cached for a few seconds: a burst of
 * votes on one article costs one query, not one each. Changes seen by this instance clear the cache at once; another instance
 * may accept feedback on content taken down for at most that long, which is harmless (it is kept and triaged).
 */
@Configuration(proxyBeanMethods = false)
public class PublishedContents {

    private static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private final MongoTemplate mongoTemplate;
    private final Cache<String, PublishedContent> liveByKey = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(CACHED_FOR).build();
    private final Cache<String, PublishedContent> anyById = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(CACHED_FOR).build();

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
        return Optional.ofNullable(mongoTemplate.findOne(Query.query(Criteria.where("type").is(type)
                .and("slug").is(idOrSlug).and("live").is(true)), PublishedContent.class));
    }

    /** Whatever is known of the content, live or not: who answers for it does not change when it is taken down. */
    public Optional<PublishedContent> find(String id) {
        return Optional.ofNullable(anyById.get(id, key -> mongoTemplate.findById(key, PublishedContent.class)));
    }

    @Bean
    IntegrationEventHandler<ArticlePublished> articlePublishedForFeedback() {
        return IntegrationEventHandler.of(EventType.ARTICLE_PUBLISHED, ArticlePublished.class, this::keepArticle);
    }

    @Bean
    IntegrationEventHandler<ArticlePublished> articleRevisedForFeedback() {
        return IntegrationEventHandler.of(EventType.ARTICLE_REVISED, ArticlePublished.class, this::keepArticle);
    }

    @Bean
    IntegrationEventHandler<ArticleUnpublished> articleUnpublishedForFeedback() {
        return IntegrationEventHandler.of(EventType.ARTICLE_UNPUBLISHED, ArticleUnpublished.class,
                article -> withdraw(article.articleId()));
    }

    @Bean
    IntegrationEventHandler<ExercisePublished> exercisePublishedForFeedback() {
        return IntegrationEventHandler.of(EventType.EXERCISE_PUBLISHED, ExercisePublished.class, this::keepExercise);
    }

    @Bean
    IntegrationEventHandler<ExercisePublished> exerciseUpdatedForFeedback() {
        return IntegrationEventHandler.of(EventType.EXERCISE_UPDATED, ExercisePublished.class, this::keepExercise);
    }

    @Bean
    IntegrationEventHandler<ExerciseRetired> exerciseRetiredForFeedback() {
        return IntegrationEventHandler.of(EventType.EXERCISE_RETIRED, ExerciseRetired.class,
                exercise -> withdraw(exercise.exerciseId()));
    }

    private void keepArticle(ArticlePublished article) {
        keep(new PublishedContent(article.articleId(), ContentType.ARTICLE, article.slug(), article.title(),
                article.author(), article.medicalReviewers(), true, article.revision()));
    }

    private void keepExercise(ExercisePublished exercise) {
        keep(new PublishedContent(exercise.exerciseId(), ContentType.EXERCISE, exercise.slug(), exercise.name(),
                exercise.author(), exercise.medicalReviewers(), true, exercise.version()));
    }

    private void keep(PublishedContent content) {
        PublishedContent known = mongoTemplate.findById(content.id(), PublishedContent.class);
        if (known == null || known.version() <= content.version()) {
            mongoTemplate.save(content);
            forgetCached();
        }
    }

    private void forgetCached() {
        liveByKey.invalidateAll();
        anyById.invalidateAll();
    }

    private void withdraw(String id) {
        PublishedContent known = mongoTemplate.findById(id, PublishedContent.class);
        if (known != null) {
            mongoTemplate.save(new PublishedContent(known.id(), known.type(), known.slug(), known.title(),
                    known.author(), known.medicalReviewers(), false, known.version()));
            forgetCached();
        }
    }
}
