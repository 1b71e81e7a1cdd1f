package com.healthcontent.articles.search;

import com.healthcontent.articles.article.Article;
import com.healthcontent.articles.article.ArticleContent;
import com.healthcontent.articles.article.ArticleRepository;
import com.healthcontent.articles.article.Section;
import com.healthcontent.articles.article.SectionType;
import com.healthcontent.articles.article.TextMatches;
import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventType;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.search.SearchDocument;
import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import com.healthcontent.search.SearchQuery;
import com.healthcontent.search.SearchResults;
import com.healthcontent.search.Suggestion;
import com.healthcontent.search.opensearch.SearchIndexes;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The live articles, searchable on this instance. Built from the database before the instance takes requests, then
 * kept current by the article events (every instance hears them) and, at once, by saves made here. Only the live
 * version is indexed: a draft is never found.
 */
@Component
public class ArticleSearch extends AbstractMongoEventListener<Article>
        implements TextMatches, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ArticleSearch.class);
    static final Set<SearchFacet> FACETS =
            EnumSet.of(SearchFacet.TYPE, SearchFacet.TAG, SearchFacet.CATEGORY, SearchFacet.AUDIENCE);

    /** Every instance's own index hears every change, beside the other features that do (views, read models). */
    static final String SEARCH = EventHandler.BROADCAST + "-search";

    private final SearchIndex index;
    private final MongoTemplate mongoTemplate;
    private final ArticleRepository repository;

    ArticleSearch(
            MongoTemplate mongoTemplate,
            ArticleRepository repository,
            @Value("${platform.search.engine}") String engine,
            @Value("${platform.search.opensearch.url}") URI openSearch,
            @Value("${platform.search.opensearch.index}") String indexName) {
        this.index = SearchIndexes.open(engine, openSearch, indexName, FACETS);
        this.mongoTemplate = mongoTemplate;
        this.repository = repository;
    }

    public SearchResults search(SearchQuery query) {
        return index.search(query);
    }

    public List<Suggestion> suggest(String prefix, int limit) {
        return index.suggest(prefix, limit);
    }

    @Override
    public Set<String> articleIds(String words) {
        return new LinkedHashSet<>(index.matchingIds(new SearchQuery(words, Map.of(), 0, SearchQuery.MAX_RESULTS)));
    }

    @Override
    public void afterSingletonsInstantiated() {
        index.replaceAll(() -> mongoTemplate
                .find(Query.query(Criteria.where("live").ne(null)), Article.class)
                .stream()
                .map(ArticleSearch::document)
                .toList());
        log.info("Search index: {} live articles", index.size());
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Article> saved) {
        reindex(saved.getSource());
    }

    @EventHandler(
            value = {EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_REVISED},
            pipeline = SEARCH)
    void published(ArticlePublished article) {
        repository.findById(article.articleId()).ifPresent(this::reindex);
    }

    @EventHandler(value = EventType.ARTICLE_UNPUBLISHED, pipeline = SEARCH)
    void unpublished(ArticleUnpublished article) {
        repository
                .findById(article.articleId())
                .ifPresentOrElse(this::reindex, () -> index.remove(article.articleId()));
    }

    @Override
    public void destroy() throws Exception {
        index.close();
    }

    private void reindex(Article article) {
        if (article.isLive()) {
            index.put(document(article));
        } else {
            index.remove(article.id());
        }
    }

    static SearchDocument document(Article article) {
        ArticleContent content = article.live().content();
        List<Section> prose = content.sections().stream()
                .filter(section -> section.type() != SectionType.EXERCISE)
                .toList();
        return new SearchDocument(
                "article",
                article.id(),
                article.slug(),
                content.title(),
                content.summary(),
                prose.stream()
                        .map(Section::heading)
                        .filter(heading -> heading != null && !heading.isBlank())
                        .toList(),
                prose.stream().map(section -> readable(section.body())).collect(Collectors.joining("\n\n")),
                Map.of(
                        SearchFacet.TYPE, List.of("article"),
                        SearchFacet.TAG, content.tags(),
                        SearchFacet.CATEGORY, content.categories(),
                        SearchFacet.AUDIENCE, List.of(content.audience().name())));
    }

    /** The words of a Markdown body: citation markers and link targets are not what readers search for. */
    private static String readable(String markdown) {
        return markdown == null ? "" : markdown.replaceAll("\\[\\d{1,3}]", "").replaceAll("]\\([^)]*\\)", "]");
    }
}
