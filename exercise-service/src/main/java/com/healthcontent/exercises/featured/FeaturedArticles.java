package com.healthcontent.exercises.featured;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.messaging.consumer.ReadModels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The local read model of published articles, kept from {@code article.events}, never from article-service's DB. */
@Component
public class FeaturedArticles {

    private final MongoTemplate mongoTemplate;

    FeaturedArticles(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    static final int MAX_PER_EXERCISE = 50;

    public List<FeaturedArticle> featuring(String exerciseId) {
        return featuring(List.of(exerciseId)).getOrDefault(exerciseId, List.of());
    }

    /** The articles featuring each of the exercises, by title, in one query for a whole list page. */
    public Map<String, List<FeaturedArticle>> featuring(Collection<String> exerciseIds) {
        Map<String, List<FeaturedArticle>> byExercise = new HashMap<>();
        if (exerciseIds.isEmpty()) {
            return byExercise;
        }
        for (FeaturedArticle article : mongoTemplate.find(
                Query.query(Criteria.where("exerciseIds").in(exerciseIds)).with(Sort.by("title")),
                FeaturedArticle.class)) {
            for (String exerciseId : article.exerciseIds()) {
                if (exerciseIds.contains(exerciseId)) {
                    List<FeaturedArticle> featured = byExercise.computeIfAbsent(exerciseId, id -> new ArrayList<>());
                    if (featured.size() < MAX_PER_EXERCISE) {
                        featured.add(article);
                    }
                }
            }
        }
        return byExercise;
    }

    /** Published and republished in; keeps the newest revision, an older or repeated event changes nothing. */
    @EventHandler({EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_REVISED})
    public void keep(ArticlePublished article) {
        ReadModels.keepNewest(mongoTemplate, FeaturedArticle.of(article), "revision");
    }

    /** Unpublished out. */
    @EventHandler(EventType.ARTICLE_UNPUBLISHED)
    public void remove(ArticleUnpublished article) {
        mongoTemplate.remove(Query.query(Criteria.where("_id").is(article.articleId())), FeaturedArticle.class);
    }
}
