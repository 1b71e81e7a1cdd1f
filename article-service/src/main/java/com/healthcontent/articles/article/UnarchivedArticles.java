package com.healthcontent.articles.article;

import com.healthcontent.editorial.archive.ArchivedRevision;
import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.review.ContentKind;
import com.healthcontent.editorial.review.WorkflowStep;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Articles published before the revision archive existed get their live version archived once, before the service
 * takes traffic, so that every live page can be checked against an archived, approved revision. What is live at the
 * upgrade is taken as approved: its approvals are the ones it was published with.
 */
@Component
class UnarchivedArticles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnarchivedArticles.class);

    private final MongoTemplate mongoTemplate;
    private final RevisionArchive archive;
    private final Articles articles;

    UnarchivedArticles(MongoTemplate mongoTemplate, RevisionArchive archive, Articles articles) {
        this.mongoTemplate = mongoTemplate;
        this.archive = archive;
        this.articles = articles;
    }

    @Override
    public void run(ApplicationArguments args) {
        int archived = 0;
        Set<String> known = archive.archivedIds(ContentKind.ARTICLE);
        for (Article article :
                mongoTemplate.find(Query.query(Criteria.where("live").ne(null)), Article.class)) {
            if (!known.contains(ArchivedRevision.idOf(
                    ContentKind.ARTICLE.type(), article.id(), article.live().revision()))) {
                articles.archive(article, WorkflowStep.SYSTEM);
                archived++;
            }
        }
        if (archived > 0) {
            log.info("Archived the live version of {} articles published before the revision archive", archived);
        }
    }
}
