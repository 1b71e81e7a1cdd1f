package com.healthcontent.exercises.featured;

import java.util.List;
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

    public List<FeaturedArticle> featuring(String exerciseId) {
        return mongoTemplate.find(Query.query(Criteria.where("exerciseIds").is(exerciseId))
                .with(Sort.by("title")).limit(50), FeaturedArticle.class);
    }

    /** Keeps the newest revision; an older or repeated event changes nothing. */
    void upsert(FeaturedArticle article) {
        FeaturedArticle known = mongoTemplate.findById(article.articleId(), FeaturedArticle.class);
        if (known == null || known.revision() <= article.revision()) {
            mongoTemplate.save(article);
        }
    }

    void remove(String articleId) {
        mongoTemplate.remove(Query.query(Criteria.where("_id").is(articleId)), FeaturedArticle.class);
    }
}
