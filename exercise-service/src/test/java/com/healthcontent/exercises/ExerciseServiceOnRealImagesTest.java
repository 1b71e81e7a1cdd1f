package com.healthcontent.exercises;

import com.healthcontent.testsupport.RealInfrastructureTest;
import com.healthcontent.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The service against the production images (mongo, apache/kafka); skipped where there is no Docker engine. */
@RealInfrastructureTest
class ExerciseServiceOnRealImagesTest {

    @LocalServerPort
    int port;

    @Test
    void readinessAndAPublishedExerciseOnRealMongoAndKafka() {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
        String id = client.post().uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser("ana.author", "AUTHOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(com.healthcontent.exercises.exercise.ExerciseApiTest.minimalExercise("Knees to chest"))
                .exchange().expectStatus().isCreated()
                .expectBody(com.healthcontent.exercises.exercise.ExerciseView.class).returnResult().getResponseBody().id();
        client.post().uri("/api/v1/exercises/{id}/publication", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser("eli.editor", "EDITOR"))
                .exchange().expectStatus().isOk();
        client.get().uri("/api/v1/exercises/knees-to-chest").exchange().expectStatus().isOk();
    }
}
