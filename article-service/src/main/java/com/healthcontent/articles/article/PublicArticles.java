package com.healthcontent.articles.article;

import com.healthcontent.articles.exercises.ExerciseSummaries;
import com.healthcontent.articles.exercises.ExerciseSummary;
import com.healthcontent.editorial.archive.RevisionArchive;
import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.editorial.staff.StaffDirectory;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.servicedefaults.problem.ResourceNotFoundException;
import com.healthcontent.servicedefaults.web.PublicViews;
import com.healthcontent.servicedefaults.web.Representation;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What anonymous readers get: an article's public view and its JSON-LD, as the bytes sent, held ready by
 * {@link PublicViews} so a read is one lookup. On a miss the view is built from the live version and, for the
 * links to other articles, from their slugs and titles only (never whole articles). Any article saved on this
 * instance, any article or exercise event (on every instance: a consumer group per instance) and any change of staff
 * profiles drop the views.
 */
@Component
public class PublicArticles extends AbstractMongoEventListener<Article> {

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final ArticleRepository repository;
    private final MongoTemplate mongoTemplate;
    private final ExerciseSummaries exercises;
    private final StaffDirectory staff;
    private final ArticleProperties properties;
    private final PublicViews views;
    private final JsonMapper jsonMapper;
    private final RevisionArchive archive;

    PublicArticles(
            ArticleRepository repository,
            MongoTemplate mongoTemplate,
            ExerciseSummaries exercises,
            StaffDirectory staff,
            ArticleProperties properties,
            MeterRegistry meterRegistry,
            JsonMapper jsonMapper,
            RevisionArchive archive) {
        this.archive = archive;
        this.repository = repository;
        this.mongoTemplate = mongoTemplate;
        this.exercises = exercises;
        this.staff = staff;
        this.properties = properties;
        this.views = new PublicViews("article.public.views", properties.publicViews(), meterRegistry);
        this.jsonMapper = jsonMapper;
        staff.whenChanged(views::invalidateAll);
    }

    public Representation article(String slug) {
        return views.get("article:" + slug, () -> Representation.json(jsonMapper, view(slug)));
    }

    public Representation structuredData(String slug) {
        return views.get(
                "structured-data:" + slug,
                () -> Representation.of(jsonMapper, StructuredData.medicalWebPage(view(slug)), JSON_LD));
    }

    /** Saves on this instance show at once here; other instances learn of them from the events. */
    @Override
    public void onAfterSave(AfterSaveEvent<Article> saved) {
        views.invalidateAll();
    }

    /** A page, or the related and recent links of all pages, changed. */
    @EventHandler(
            value = {
                EventType.ARTICLE_PUBLISHED,
                EventType.ARTICLE_REVISED,
                EventType.ARTICLE_UNPUBLISHED,
                EventType.ARTICLE_REVIEW_DUE
            },
            pipeline = EventHandler.BROADCAST)
    void articleChanged(Object article) {
        views.invalidateAll();
    }

    /**
     * An exercise card changed: stored first, so that no view is rebuilt with the old one (the service's own group
     * stores it too, durably).
     */
    @EventHandler(
            value = {EventType.EXERCISE_PUBLISHED, EventType.EXERCISE_UPDATED},
            pipeline = EventHandler.BROADCAST)
    void exerciseChanged(ExercisePublished exercise) {
        exercises.keep(exercise);
        views.invalidateAll();
    }

    @EventHandler(value = EventType.EXERCISE_RETIRED, pipeline = EventHandler.BROADCAST)
    void exerciseRetired(ExerciseRetired exercise) {
        exercises.retire(exercise);
        views.invalidateAll();
    }

    /** The signed record of what readers get now ({@link RevisionArchive#approval}). */
    public RevisionViews.SignedApproval approval(String slug) {
        Article article = live(slug);
        return archive.approval(
                Articles.subject(article),
                article.live().revision(),
                article.workflow().publications(),
                article.live().content());
    }

    private Article live(String slug) {
        return repository
                .findBySlug(slug)
                .filter(Article::isLive)
                .orElseThrow(() -> new ResourceNotFoundException("Article", slug));
    }

    ArticleViews.PublicArticle view(String slug) {
        Article article = live(slug);
        ArticleContent content = article.live().content();
        String digest = archive.requireApproved(
                Articles.subject(article),
                article.live().revision(),
                article.workflow().publications(),
                content);
        Map<String, ExerciseSummary> cards = content.exerciseIds().isEmpty()
                ? Map.of()
                : exercises.findAll(content.exerciseIds()).stream()
                        .collect(Collectors.toMap(ExerciseSummary::exerciseId, Function.identity()));
        return ArticleViews.publicArticle(
                article,
                staff.profileOf(article.author()),
                cards,
                related(article),
                recent(article),
                properties.disclaimer(),
                digest);
    }

    /**
     * "Also read": the links the author chose, then the newest live articles sharing a tag; never the article
     * itself, at most {@value ArticleQueries#RELATED}.
     */
    private List<ArticleViews.Link> related(Article article) {
        ArticleContent content = article.live().content();
        Map<String, ArticleViews.Link> chosen = content.related().isEmpty()
                ? Map.of()
                : links(
                                Criteria.where("slug").in(content.related()),
                                content.related().size())
                        .stream()
                        .collect(Collectors.toMap(ArticleViews.Link::slug, Function.identity()));
        List<ArticleViews.Link> links = new ArrayList<>(content.related().stream()
                .filter(slug -> chosen.containsKey(slug) && !slug.equals(article.slug()))
                .map(chosen::get)
                .toList());
        if (links.size() < ArticleQueries.RELATED && !content.tags().isEmpty()) {
            for (ArticleViews.Link candidate : links(
                    Criteria.where("live.content.tags")
                            .in(content.tags())
                            .and("_id")
                            .ne(article.id()),
                    ArticleQueries.RELATED * 2)) {
                if (links.size() < ArticleQueries.RELATED && !links.contains(candidate)) {
                    links.add(candidate);
                }
            }
        }
        return links;
    }

    /** "Recent posts": the newest other live articles. */
    private List<ArticleViews.Link> recent(Article article) {
        return links(Criteria.where("_id").ne(article.id()), ArticleQueries.RECENT);
    }

    /** Links to live articles, newest first: their slugs and titles, read without the rest of the documents. */
    private List<ArticleViews.Link> links(Criteria which, int limit) {
        Query query = Query.query(Criteria.where("live").ne(null).andOperator(which))
                .with(ArticleQueries.newestFirst())
                .limit(limit);
        query.fields().include("slug", "live.content.title");
        return mongoTemplate.find(query, Document.class, "articles").stream()
                .map(found -> new ArticleViews.Link(
                        found.getString("slug"),
                        found.get("live", Document.class)
                                .get("content", Document.class)
                                .getString("title")))
                .toList();
    }
}
