package com.healthcontent.search.opensearch;

import com.healthcontent.search.HealthTextAnalysis;
import com.healthcontent.search.SearchDocument;
import com.healthcontent.search.SearchFacet;
import com.healthcontent.search.SearchIndex;
import com.healthcontent.search.SearchQuery;
import com.healthcontent.search.SearchResults;
import com.healthcontent.search.Suggestion;
import com.healthcontent.servicedefaults.problem.ServiceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's published content in an OpenSearch index that all its instances share: for content or traffic that
 * outgrows the in-memory index of every instance. It answers as {@link com.healthcontent.search.LuceneSearchIndex}
 * does (both pass {@code SearchIndexContract} and the judged queries) because it is built from the same parts: the
 * same analysis chain and synonym list (as OpenSearch filters), the same field weights and spelling rule, the same
 * facets.
 *
 * <p>The index is created on first use. When the synonym list has changed since, its analysis is updated in place
 * (the index is closed for a moment): synonyms apply to queries only, so nothing is reindexed.
 */
public final class OpenSearchIndex implements SearchIndex {

    private static final Map<String, Float> FIELD_WEIGHTS =
            Map.of("title", 4f, "headings", 2f, "summary", 2f, "keywords", 2f, "body", 1f);
    private static final float WORDS_ALONE = 0.5f;
    private static final int FACET_VALUES = 30;
    private static final int BULK_BATCH = 500;
    private static final String VOCABULARY_ID = "_vocabulary";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BULK_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI server;
    /** Basic credentials from the address's user part ({@code https://user:password@host:9200}), if it has one. */
    private final String authorization;

    private final String index;
    private final Set<SearchFacet> facets;
    private final String synonymList;
    private final Analyzer asWritten = HealthTextAnalysis.words();
    private final HttpClient http;

    /** The index {@code name} on {@code server}, created or brought up to date with the platform's synonyms. */
    public static OpenSearchIndex withHealthSynonyms(URI server, String name, Set<SearchFacet> facets) {
        return new OpenSearchIndex(server, name, facets, HealthTextAnalysis.healthSynonyms());
    }

    public OpenSearchIndex(URI server, String name, Set<SearchFacet> facets, String synonymList) {
        this.authorization = server.getRawUserInfo() == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString(URLDecoder.decode(server.getRawUserInfo(), StandardCharsets.UTF_8)
                                        .getBytes(StandardCharsets.UTF_8));
        this.server = withoutUserInfo(server);
        this.index = name;
        this.facets = facets.isEmpty() ? Set.of() : EnumSet.copyOf(facets);
        this.synonymList = synonymList;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        createOrUpdate();
    }

    @Override
    public void put(SearchDocument document) {
        send("PUT", "/" + index + "/_doc/" + encode(document.id()) + "?refresh=true", source(document), TIMEOUT);
    }

    @Override
    public void remove(String id) {
        send("DELETE", "/" + index + "/_doc/" + encode(id) + "?refresh=true", null, TIMEOUT, 404);
    }

    /**
     * Everything published is written again, then what was written before this call started and is not among it
     * is deleted: an item another instance indexed while this one read the database stays. (The instants are the
     * instances' clocks; they are assumed to agree within the time a database read takes.)
     */
    @Override
    public void replaceAll(Supplier<? extends Collection<SearchDocument>> publishedNow) {
        long startedAt = System.currentTimeMillis();
        Collection<SearchDocument> published = publishedNow.get();
        List<SearchDocument> batch = new ArrayList<>();
        for (SearchDocument document : published) {
            batch.add(document);
            if (batch.size() == BULK_BATCH) {
                bulk(batch);
                batch.clear();
            }
        }
        bulk(batch);
        Set<String> keep = new HashSet<>();
        published.forEach(document -> keep.add(document.id()));
        ObjectNode before = JSON.createObjectNode().put("size", BULK_BATCH).put("_source", false);
        before.putObject("query")
                .putObject("bool")
                .putArray("filter")
                .add(term("kind", "content"))
                .add(JSON.createObjectNode()
                        .set(
                                "range",
                                JSON.createObjectNode()
                                        .set(
                                                "indexedAt",
                                                JSON.createObjectNode().put("lt", startedAt))));
        before.putArray("sort").add("_doc");
        // written before, in id order, a batch at a time; what is not published now is deleted
        JsonNode lastSort = null;
        while (true) {
            if (lastSort != null) {
                before.set("search_after", lastSort);
            }
            JsonNode found = send("POST", "/" + index + "/_search", before, TIMEOUT)
                    .path("hits")
                    .path("hits");
            if (found.isEmpty()) {
                return;
            }
            StringBuilder deletions = new StringBuilder();
            for (JsonNode hit : found) {
                if (!keep.contains(hit.path("_id").asString())) {
                    deletions
                            .append(JSON.writeValueAsString(JSON.createObjectNode()
                                    .set(
                                            "delete",
                                            JSON.createObjectNode()
                                                    .put("_id", hit.path("_id").asString()))))
                            .append('\n');
                }
                lastSort = hit.path("sort");
            }
            bulk(deletions.toString());
        }
    }

    @Override
    public int size() {
        ObjectNode query = JSON.createObjectNode();
        query.set("query", term("kind", "content"));
        return send("POST", "/" + index + "/_count", query, TIMEOUT)
                .path("count")
                .asInt();
    }

    @Override
    public SearchResults search(SearchQuery query) {
        boolean filteredOnAFacetNotHere = query.filters().keySet().stream().anyMatch(facet -> !facets.contains(facet));
        if (filteredOnAFacetNotHere) {
            return new SearchResults(query.text(), null, 0, query.page(), query.size(), List.of(), Map.of());
        }
        Searched searched = searchCorrected(query, true);
        JsonNode hits = searched.answer().path("hits");
        List<SearchResults.Hit> items = new ArrayList<>();
        for (JsonNode hit : hits.path("hits")) {
            JsonNode source = hit.path("_source");
            List<String> passages = new ArrayList<>();
            hit.path("highlight").path("body").forEach(passage -> passages.add(passage.asString()));
            items.add(new SearchResults.Hit(
                    source.path("type").asString(),
                    hit.path("_id").asString(),
                    source.path("slug").asString(),
                    source.path("title").asString(),
                    source.path("summary").asString(""),
                    (float) hit.path("_score").asDouble(),
                    passages.isEmpty() ? List.of() : List.of(String.join(" … ", passages))));
        }
        Map<String, List<SearchResults.FacetCount>> counted = new LinkedHashMap<>();
        for (SearchFacet facet : facets) {
            List<SearchResults.FacetCount> values = new ArrayList<>();
            searched.answer()
                    .path("aggregations")
                    .path(facet.parameter())
                    .path("buckets")
                    .forEach(bucket -> values.add(new SearchResults.FacetCount(
                            bucket.path("key").asString(),
                            bucket.path("doc_count").asLong())));
            counted.put(facet.parameter(), values);
        }
        return new SearchResults(
                query.text(),
                searched.corrected(),
                hits.path("total").path("value").asLong(),
                query.page(),
                query.size(),
                items,
                counted);
    }

    @Override
    public List<String> matchingIds(SearchQuery query) {
        List<String> ids = new ArrayList<>();
        if (query.filters().keySet().stream().anyMatch(facet -> !facets.contains(facet))) {
            return ids;
        }
        searchCorrected(query, false)
                .answer()
                .path("hits")
                .path("hits")
                .forEach(hit -> ids.add(hit.path("_id").asString()));
        return ids;
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        if (prefix.isBlank()) {
            return List.of();
        }
        ObjectNode request = JSON.createObjectNode().put("size", limit);
        request.putArray("_source").add("title").add("type").add("slug");
        ObjectNode bool = request.putObject("query").putObject("bool");
        bool.putObject("must")
                .putObject("match_bool_prefix")
                .putObject("title.words")
                .put("query", prefix)
                .put("operator", "and");
        bool.set("filter", term("kind", "content"));
        List<Suggestion> suggestions = new ArrayList<>();
        send("POST", "/" + index + "/_search", request, TIMEOUT)
                .path("hits")
                .path("hits")
                .forEach(hit -> suggestions.add(new Suggestion(
                        hit.path("_source").path("title").asString(),
                        hit.path("_source").path("type").asString(),
                        hit.path("_source").path("slug").asString())));
        return suggestions;
    }

    @Override
    public void close() {
        asWritten.close();
    }

    private record Searched(JsonNode answer, String corrected) {}

    /**
     * The search as the reader wrote it, with a spelling suggestion for each word that may be misspelt; searched
     * again with the corrections only when there are any, so a query spelt right costs one request.
     */
    private Searched searchCorrected(SearchQuery query, boolean asPage) {
        Map<String, Typo> typos = typos(query.text());
        ObjectNode request = request(query, query.text(), asPage);
        if (!typos.isEmpty()) {
            ObjectNode suggest = request.putObject("suggest");
            typos.forEach((name, typo) -> suggest.putObject(name)
                    .put("text", typo.word())
                    .putObject("term")
                    .put("field", "spelling")
                    .put("analyzer", "health_words")
                    .put("suggest_mode", "missing")
                    .put("max_edits", typo.edits())
                    .put("prefix_length", 1)
                    .put("min_word_length", 1)
                    .put("size", 1));
        }
        JsonNode answer = send("POST", "/" + index + "/_search", request, TIMEOUT);
        String corrected = corrected(query.text(), typos, answer.path("suggest"));
        if (corrected.equals(query.text())) {
            return new Searched(answer, null);
        }
        return new Searched(
                send("POST", "/" + index + "/_search", request(query, corrected, asPage), TIMEOUT), corrected);
    }

    private record Typo(String word, int edits, int start, int end) {}

    /** The reader's words that could be misspelt, by their place in the text, as the in-memory index picks them. */
    private Map<String, Typo> typos(String text) {
        Map<String, Typo> typos = new LinkedHashMap<>();
        try (TokenStream tokens = asWritten.tokenStream("spelling", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                int edits = HealthTextAnalysis.typoEdits(term.toString());
                if (edits > 0) {
                    typos.put(
                            "w" + typos.size(),
                            new Typo(term.toString(), edits, offset.startOffset(), offset.endOffset()));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return typos;
    }

    private static String corrected(String text, Map<String, Typo> typos, JsonNode suggestions) {
        StringBuilder corrected = new StringBuilder();
        int copied = 0;
        for (Map.Entry<String, Typo> typo : typos.entrySet()) {
            JsonNode options = suggestions.path(typo.getKey()).path(0).path("options");
            if (!options.isEmpty()) {
                corrected
                        .append(text, copied, typo.getValue().start())
                        .append(options.path(0).path("text").asString());
                copied = typo.getValue().end();
            }
        }
        return corrected.append(text.substring(copied)).toString();
    }

    private ObjectNode request(SearchQuery query, String words, boolean asPage) {
        ObjectNode request = JSON.createObjectNode()
                .put("from", query.page() * query.size())
                .put("size", query.size())
                .put("track_total_hits", asPage);
        if (asPage) {
            request.putArray("_source").add("type").add("slug").add("title").add("summary");
        } else {
            request.put("_source", false);
        }
        ObjectNode bool = request.putObject("query").putObject("bool");
        ArrayNode any = bool.putArray("should");
        for (Map.Entry<String, Float> field : FIELD_WEIGHTS.entrySet()) {
            any.add(match(field.getKey(), words, field.getValue(), null));
            // the words on their own too, so that a phrase of the synonym list absent from the text still finds them
            any.add(match(field.getKey(), words, field.getValue() * WORDS_ALONE, "health_text"));
        }
        any.add(phrase("title", words, 3f));
        any.add(phrase("body", words, 1.5f));
        bool.put("minimum_should_match", 1);
        ArrayNode filters = bool.putArray("filter").add(term("kind", "content"));
        query.filters().forEach((facet, values) -> {
            ArrayNode terms = JSON.createArrayNode();
            values.forEach(terms::add);
            filters.add(
                    JSON.createObjectNode().set("terms", JSON.createObjectNode().set(facet.parameter(), terms)));
        });
        if (asPage) {
            ObjectNode highlight =
                    request.putObject("highlight").put("encoder", "html").put("type", "unified");
            highlight.putArray("pre_tags").add("<mark>");
            highlight.putArray("post_tags").add("</mark>");
            highlight.putObject("fields").putObject("body").put("number_of_fragments", 2);
            ObjectNode aggregations = request.putObject("aggs");
            for (SearchFacet facet : facets) {
                aggregations
                        .putObject(facet.parameter())
                        .putObject("terms")
                        .put("field", facet.parameter())
                        .put("size", FACET_VALUES);
            }
        }
        return request;
    }

    /** The words near each other (three moves apart at most): a bonus over their matching one by one. */
    private static ObjectNode phrase(String field, String words, float boost) {
        ObjectNode query = JSON.createObjectNode();
        query.putObject("match_phrase")
                .putObject(field)
                .put("query", words)
                .put("slop", 3)
                .put("boost", boost);
        return query;
    }

    /** A match on one field, with the field's query analysis (with synonyms) unless {@code analyzer} names another. */
    private static ObjectNode match(String field, String words, float boost, String analyzer) {
        ObjectNode query = JSON.createObjectNode();
        ObjectNode options =
                query.putObject("match").putObject(field).put("query", words).put("boost", boost);
        if (analyzer != null) {
            options.put("analyzer", analyzer);
        }
        return query;
    }

    private static ObjectNode term(String field, String value) {
        return JSON.createObjectNode().set("term", JSON.createObjectNode().put(field, value));
    }

    private ObjectNode source(SearchDocument item) {
        ObjectNode source = JSON.createObjectNode()
                .put("kind", "content")
                .put("indexedAt", System.currentTimeMillis())
                .put("type", item.type())
                .put("slug", item.slug())
                .put("title", item.title())
                .put("summary", item.summary())
                .put("body", item.body());
        ArrayNode headings = source.putArray("headings");
        item.headings().forEach(headings::add);
        List<String> spelling = new ArrayList<>(List.of(item.title(), item.summary(), item.body()));
        spelling.addAll(item.headings());
        ArrayNode keywords = source.putArray("keywords");
        item.facets().forEach((facet, values) -> {
            if (!facets.contains(facet)) {
                throw new IllegalArgumentException(facet.parameter() + " is not counted in this index");
            }
            if (facet == SearchFacet.TYPE) {
                return; // the item's own type, written above
            }
            ArrayNode facetValues = source.putArray(facet.parameter());
            for (String value : values) {
                if (!value.isBlank()) {
                    facetValues.add(value);
                    keywords.add(value.replace('_', ' '));
                    spelling.add(value.replace('_', ' '));
                }
            }
        });
        source.put("spelling", String.join(" ", spelling));
        return source;
    }

    private void bulk(List<SearchDocument> documents) {
        StringBuilder lines = new StringBuilder();
        for (SearchDocument document : documents) {
            lines.append(JSON.writeValueAsString(JSON.createObjectNode()
                            .set("index", JSON.createObjectNode().put("_id", document.id()))))
                    .append('\n')
                    .append(JSON.writeValueAsString(source(document)))
                    .append('\n');
        }
        bulk(lines.toString());
    }

    private void bulk(String lines) {
        if (lines.isEmpty()) {
            return;
        }
        JsonNode answer = exchange(
                HttpRequest.newBuilder(server.resolve("/" + index + "/_bulk?refresh=true"))
                        .timeout(BULK_TIMEOUT)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(lines)),
                "POST /_bulk");
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                for (JsonNode action : item) {
                    if (action.has("error") && action.path("status").asInt() != 404) {
                        throw new IllegalStateException(
                                "OpenSearch refused a change to " + index + ": " + action.path("error"));
                    }
                }
            }
        }
    }

    /** Creates the index, or updates its query analysis when the synonym list has changed since it was made. */
    private void createOrUpdate() {
        String fingerprint = fingerprint(synonymList);
        JsonNode existing = send("GET", "/" + index + "/_mapping", null, TIMEOUT, 404);
        if (existing.has("error")) {
            ObjectNode definition = JSON.createObjectNode();
            definition.putObject("settings").set("index", settings());
            definition.set("mappings", mappings(fingerprint));
            JsonNode created = send("PUT", "/" + index, definition, TIMEOUT, 400);
            if (created.has("error")
                    && !created.path("error").path("type").asString().equals("resource_already_exists_exception")) {
                throw new IllegalStateException("OpenSearch refused the index " + index + ": " + created);
            }
        } else if (!existing.path(index)
                .path("mappings")
                .path("_meta")
                .path("synonyms")
                .asString("")
                .equals(fingerprint)) {
            send("POST", "/" + index + "/_close", null, TIMEOUT);
            try {
                ObjectNode analysis = JSON.createObjectNode();
                analysis.putObject("index").set("analysis", settings().get("analysis"));
                send("PUT", "/" + index + "/_settings", analysis, TIMEOUT);
            } finally {
                send("POST", "/" + index + "/_open?wait_for_active_shards=1", null, TIMEOUT);
            }
            ObjectNode meta = JSON.createObjectNode();
            meta.putObject("_meta").put("synonyms", fingerprint);
            send("PUT", "/" + index + "/_mapping", meta, TIMEOUT);
        }
        ObjectNode vocabulary = JSON.createObjectNode()
                .put("kind", "words")
                .put("indexedAt", System.currentTimeMillis())
                .put("spelling", HealthTextAnalysis.wordsOf(synonymList));
        send("PUT", "/" + index + "/_doc/" + VOCABULARY_ID + "?refresh=true", vocabulary, TIMEOUT);
    }

    /** The analysis of {@code HealthTextAnalysis}, written as OpenSearch's filters. */
    private ObjectNode settings() {
        ObjectNode settings = JSON.createObjectNode().put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
        ObjectNode analysis = settings.putObject("analysis");
        ObjectNode filters = analysis.putObject("filter");
        filters.putObject("english_possessive").put("type", "stemmer").put("language", "possessive_english");
        ArrayNode rules = filters.putObject("health_synonyms")
                .put("type", "synonym_graph")
                .putArray("synonyms");
        synonymList
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(rules::add);
        ObjectNode analyzers = analysis.putObject("analyzer");
        analyzer(analyzers, "health_words", "english_possessive", "lowercase", "asciifolding");
        analyzer(analyzers, "health_text", "english_possessive", "lowercase", "asciifolding", "porter_stem");
        analyzer(
                analyzers,
                "health_query",
                "english_possessive",
                "lowercase",
                "asciifolding",
                "porter_stem",
                "health_synonyms");
        return settings;
    }

    private static void analyzer(ObjectNode analyzers, String name, String... filters) {
        ArrayNode chain = analyzers
                .putObject(name)
                .put("type", "custom")
                .put("tokenizer", "standard")
                .putArray("filter");
        for (String filter : filters) {
            chain.add(filter);
        }
    }

    private ObjectNode mappings(String fingerprint) {
        ObjectNode mappings = JSON.createObjectNode().put("dynamic", "strict");
        mappings.putObject("_meta").put("synonyms", fingerprint);
        ObjectNode fields = mappings.putObject("properties");
        for (String keyword : List.of("kind", "type", "slug")) {
            fields.putObject(keyword).put("type", "keyword");
        }
        fields.putObject("indexedAt").put("type", "date").put("format", "epoch_millis");
        for (String text : List.of("headings", "summary", "keywords", "body")) {
            ObjectNode field = fields.putObject(text)
                    .put("type", "text")
                    .put("analyzer", "health_text")
                    .put("search_analyzer", "health_query");
            if (text.equals("body")) {
                // highlights come from the offsets in the index, not from analysing the text again for every hit
                field.put("index_options", "offsets");
            }
        }
        fields.putObject("title")
                .put("type", "text")
                .put("analyzer", "health_text")
                .put("search_analyzer", "health_query")
                .putObject("fields")
                .putObject("words")
                .put("type", "text")
                .put("analyzer", "health_words");
        fields.putObject("spelling").put("type", "text").put("analyzer", "health_words");
        for (SearchFacet facet : SearchFacet.values()) {
            if (facet != SearchFacet.TYPE) {
                fields.putObject(facet.parameter()).put("type", "keyword");
            }
        }
        return mappings;
    }

    private JsonNode send(String method, String path, JsonNode body, Duration timeout, int... alsoExpected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(timeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request, method + " " + path.replaceAll("\\?.*", ""), alsoExpected);
    }

    private JsonNode exchange(HttpRequest.Builder request, String what, int... alsoExpected) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        int status = response.statusCode();
        boolean expected = status / 100 == 2;
        for (int also : alsoExpected) {
            expected |= status == also;
        }
        if (status >= 500 || status == 429) {
            throw unavailable();
        }
        if (!expected) {
            throw new IllegalStateException(
                    "OpenSearch answered " + what + " of " + index + " with " + status + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static ServiceUnavailableException unavailable() {
        return new ServiceUnavailableException("Search is not answering right now; try again in a few seconds.", 5);
    }

    private static URI withoutUserInfo(URI server) {
        try {
            return new URI(server.getScheme(), null, server.getHost(), server.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an OpenSearch address: " + server.getHost(), e);
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fingerprint(String synonyms) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(synonyms.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
