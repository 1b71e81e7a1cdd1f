package com.healthcontent.exercises.search;

import static com.healthcontent.exercises.ExerciseApi.AUTHOR;
import static com.healthcontent.exercises.ExerciseApi.DR_RAO;
import static com.healthcontent.exercises.ExerciseApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.exercises.ExerciseApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Readers find listed exercises and live routines by their words, synonyms and facets; a retired exercise leaves
 * the results, and a routine is found by the exercises in it.
 */
@ServiceIntegrationTest
class ExerciseSearchTest {

    @LocalServerPort
    int port;

    ExerciseApi api;

    @BeforeEach
    void setUp() {
        api = new ExerciseApi(port);
    }

    private static String uniqueWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("qxz");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String exercise(String name, String region, String position) {
        return """
                {"name": "%s", "summary": "Eases sciatica and a stiff lower back.", "bodyRegions": ["%s"],
                 "position": "%s", "steps": ["Lie on your back.", "Bring both knees to your chest."],
                 "dose": {"holdSeconds": 30, "repetitions": {"min": 1, "max": 1}}}""".formatted(name, region, position);
    }

    private JsonNode search(String query) {
        return api.call(HttpMethod.GET, "/api/v1/search/exercises?" + query, null, null, 200);
    }

    private List<String> slugs(String query) {
        return search(query).get("items").findValuesAsString("slug");
    }

    @Test
    void listedExercisesAndRoutinesAreFoundByWordsSynonymsAndFacets() {
        String word = uniqueWord();
        JsonNode lying = api.published(exercise("Knee hug " + word, "LOWER_BACK", "LYING_ON_BACK"));
        JsonNode standing = api.published(exercise("Standing stretch " + word, "HAMSTRINGS", "STANDING"));
        String routineName = "Morning routine " + uniqueWord();
        JsonNode routine = api.post(
                "/api/v1/routines",
                AUTHOR,
                """
                {"name": "%s", "goal": "Loosen up", "items": [
                  {"exerciseId": "%s", "dose": {"holdSeconds": 30, "repetitions": {"min": 1, "max": 2},
                   "frequency": {"min": 1, "max": 2, "per": "DAY"}}}]}""".formatted(routineName, lying.get("id").asString()),
                201);
        String routineId = routine.get("id").asString();
        api.post("/api/v1/routines/" + routineId + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/routines/" + routineId + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        api.post("/api/v1/routines/" + routineId + "/publication", EDITOR, null, 200);

        // the routine is found by the name of an exercise in it
        JsonNode found = search("q=" + word);
        assertThat(found.get("items").findValuesAsString("slug"))
                .containsExactlyInAnyOrder(
                        lying.get("slug").asString(),
                        standing.get("slug").asString(),
                        routine.get("slug").asString());
        assertThat(found.get("facets").get("type").findValuesAsString("value")).contains("exercise", "routine");
        assertThat(slugs("q=" + word + "&type=exercise&position=LYING_ON_BACK"))
                .containsExactly(lying.get("slug").asString());
        assertThat(slugs("q=" + word + "&bodyRegion=HAMSTRINGS,LOWER_BACK&type=exercise"))
                .hasSize(2);
        // "lumbar radiculopathy" is what clinicians call sciatica
        assertThat(slugs("q=lumbar+radiculopathy+" + word))
                .contains(lying.get("slug").asString());
        assertThat(api.call(HttpMethod.GET, "/api/v1/exercises?q=" + word, null, null, 200)
                        .get("items")
                        .findValuesAsString("slug"))
                .containsExactlyInAnyOrder(
                        lying.get("slug").asString(), standing.get("slug").asString());

        assertThat(api.call(HttpMethod.GET, "/api/v1/search/exercises/suggest?q=knee+hug+" + word, null, null, 200)
                        .findValuesAsString("slug"))
                .containsExactly(lying.get("slug").asString());

        api.post("/api/v1/exercises/" + standing.get("id").asString() + "/retirement", EDITOR, null, 200);
        assertThat(slugs("q=" + word + "&type=exercise"))
                .containsExactly(lying.get("slug").asString());
    }

    @Test
    void badSearchesAreRefusedNamingTheParameter() {
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/exercises?q=", null, null, 400)
                        .toString())
                .contains("\"field\":\"q\"");
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/exercises?q=back&shape=round", null, null, 400)
                        .toString())
                .contains("\"field\":\"shape\"");
        assertThat(api.call(HttpMethod.GET, "/api/v1/search/exercises/suggest", null, null, 400)
                        .toString())
                .contains("\"field\":\"q\"");
    }
}
