package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judged query set against the demo content, indexed as the services index it (one index for articles, one
 * for exercises and routines, merged by score as the gateway merges them): lay and misspelt queries must find the
 * expected page first. {@code LocalStackIT} runs the same set through the gateway of a running stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JudgedQueriesContract {

    private static final Path DEMO = Path.of("..", "local-stack", "src", "main", "resources", "demo");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchIndex articles;
    private SearchIndex exercises;

    /** An empty index counting {@code facets}, searched with the platform's synonym list. */
    protected abstract SearchIndex open(String name, Set<SearchFacet> facets);

    @BeforeAll
    void indexTheDemoContent() throws IOException {
        articles = open(
                "articles", EnumSet.of(SearchFacet.TYPE, SearchFacet.TAG, SearchFacet.CATEGORY, SearchFacet.AUDIENCE));
        exercises = open(
                "exercises",
                EnumSet.of(SearchFacet.TYPE, SearchFacet.BODY_REGION, SearchFacet.POSITION, SearchFacet.DIFFICULTY));
        List<SearchDocument> articleDocuments = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEMO.resolve("articles"))) {
            for (Path file : files.sorted().toList()) {
                articleDocuments.add(article(read(file)));
            }
        }
        articleDocuments.add(article(read(DEMO.resolve("article.json"))));
        articles.replaceAll(articleDocuments);

        Map<String, JsonNode> exercisesBySlug = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        read(DEMO.resolve("exercises.json")).forEach(all::add);
        try (Stream<Path> files = Files.list(DEMO.resolve("exercises"))) {
            for (Path file : files.sorted().toList()) {
                read(file).forEach(all::add);
            }
        }
        all.forEach(exercise -> exercisesBySlug.put(exercise.get("slug").asString(), exercise));
        List<SearchDocument> exerciseDocuments = new ArrayList<>(
                all.stream().map(JudgedQueriesContract::exercise).toList());
        exerciseDocuments.add(routine(read(DEMO.resolve("routine.json")), exercisesBySlug));
        try (Stream<Path> files = Files.list(DEMO.resolve("routines"))) {
            for (Path file : files.sorted().toList()) {
                exerciseDocuments.add(routine(read(file), exercisesBySlug));
            }
        }
        exercises.replaceAll(exerciseDocuments);
    }

    @AfterAll
    void close() throws IOException {
        articles.close();
        exercises.close();
    }

    @Test
    void layAndMisspeltQueriesFindTheExpectedPageFirst() throws IOException {
        List<Relevance.JudgedQuery> judged = new ArrayList<>();
        read(DEMO.resolve("search/judged-queries.json"))
                .forEach(query -> judged.add(new Relevance.JudgedQuery(
                        query.get("query").asString(),
                        query.get("expect")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList())));
        assertThat(judged).hasSizeGreaterThanOrEqualTo(40);

        Relevance.Report report = Relevance.of(judged, this::search);
        System.out.println(getClass().getSimpleName() + ": " + report);
        assertThat(report.meanReciprocalRank()).as(report.toString()).isGreaterThanOrEqualTo(0.8);
    }

    private List<String> search(String words) {
        SearchQuery query = new SearchQuery(words, Map.of(), 0, 10);
        return Stream.concat(articles.search(query).items().stream(), exercises.search(query).items().stream())
                .sorted(Comparator.comparingDouble((SearchResults.Hit hit) -> -hit.score()))
                .map(hit -> hit.type() + ":" + hit.slug())
                .toList();
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    private static List<String> strings(JsonNode array) {
        return array == null
                ? List.of()
                : array.valueStream().map(JsonNode::asString).toList();
    }

    /** As article-service's ArticleSearch makes it from the live version. */
    private static SearchDocument article(JsonNode article) {
        List<JsonNode> prose = article.get("sections")
                .valueStream()
                .filter(section -> !section.get("type").asString().equals("EXERCISE"))
                .toList();
        return new SearchDocument(
                "article",
                article.get("slug").asString(),
                article.get("slug").asString(),
                article.get("title").asString(),
                article.get("summary").asString(),
                prose.stream()
                        .filter(section -> section.hasNonNull("heading"))
                        .map(section -> section.get("heading").asString())
                        .toList(),
                String.join(
                        "\n\n",
                        prose.stream()
                                .map(section -> section.get("body").asString().replaceAll("\\[\\d{1,3}]", ""))
                                .toList()),
                Map.of(
                        SearchFacet.TYPE, List.of("article"),
                        SearchFacet.TAG, strings(article.get("tags")),
                        SearchFacet.CATEGORY, strings(article.get("categories")),
                        SearchFacet.AUDIENCE, List.of(article.path("audience").asString("PATIENT"))));
    }

    /** As exercise-service's ExerciseSearch makes it. */
    private static SearchDocument exercise(JsonNode exercise) {
        List<String> body = new ArrayList<>();
        body.addAll(strings(exercise.get("steps")));
        body.addAll(strings(exercise.get("precautions")));
        body.addAll(strings(exercise.get("variations")));
        body.addAll(strings(exercise.get("equipment")));
        if (exercise.hasNonNull("whenToSeeSpecialist")) {
            body.add(exercise.get("whenToSeeSpecialist").asString());
        }
        return new SearchDocument(
                "exercise",
                exercise.get("slug").asString(),
                exercise.get("slug").asString(),
                exercise.get("name").asString(),
                exercise.path("summary").asString(""),
                List.of(),
                String.join("\n", body),
                Map.of(
                        SearchFacet.TYPE, List.of("exercise"),
                        SearchFacet.BODY_REGION, strings(exercise.get("bodyRegions")),
                        SearchFacet.POSITION, List.of(exercise.get("position").asString()),
                        SearchFacet.DIFFICULTY,
                                List.of(exercise.get("difficulty").asString())));
    }

    private static SearchDocument routine(JsonNode routine, Map<String, JsonNode> exercises) {
        List<JsonNode> steps = routine.get("items")
                .valueStream()
                .map(item -> exercises.get(item.get("exercise").asString()))
                .toList();
        return new SearchDocument(
                "routine",
                routine.get("slug").asString(),
                routine.get("slug").asString(),
                routine.get("name").asString(),
                routine.path("goal").asString(""),
                steps.stream().map(step -> step.get("name").asString()).toList(),
                String.join(
                        "\n",
                        steps.stream()
                                .map(step -> step.path("summary").asString(""))
                                .toList()),
                Map.of(
                        SearchFacet.TYPE, List.of("routine"),
                        SearchFacet.BODY_REGION,
                                steps.stream()
                                        .flatMap(step -> strings(step.get("bodyRegions")).stream())
                                        .distinct()
                                        .toList()));
    }
}
