package com.healthcontent.exercises;

import com.healthcontent.testsupport.JsonApi;
import com.healthcontent.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** Drives exercise-service's API as staff clients do, for tests that need exercises in a given state. */
public final class ExerciseApi extends JsonApi {

    public static final String AUTHOR = TestTokens.forUser("ana.author", "AUTHOR");
    public static final String EDITOR = TestTokens.forUser("eli.editor", "EDITOR");
    public static final String DR_RAO = TestTokens.forUser("dr.rao", "MEDICAL_REVIEWER");
    public static final String DR_KIM = TestTokens.forUser("dr.kim", "MEDICAL_REVIEWER");

    public ExerciseApi(int port) {
        super(port);
    }

    /** Draft by ana.author, submitted to dr.rao and approved: ready for an editor to publish. */
    public JsonNode approved(String body) {
        JsonNode created = post("/api/v1/exercises", AUTHOR, body, 201);
        String id = created.get("id").asString();
        post("/api/v1/exercises/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        return post("/api/v1/exercises/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
    }

    /** Through the whole medical review to readers; returns the published exercise as staff see it. */
    public JsonNode published(String body) {
        String id = approved(body).get("id").asString();
        return post("/api/v1/exercises/" + id + "/publication", EDITOR, null, 200);
    }
}
