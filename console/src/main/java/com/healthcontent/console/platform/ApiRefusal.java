package com.healthcontent.console.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API said no: its status and what its problem document says, fields to fix included, in words for the page. */
public class ApiRefusal extends RuntimeException {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final int status;

    ApiRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiRefusal of(RestClientResponseException refused) {
        String message = refused.getStatusText();
        try {
            JsonNode problem = json.readTree(refused.getResponseBodyAsString());
            List<String> parts = new ArrayList<>();
            parts.add(problem.path("detail").asString(problem.path("title").asString(message)));
            problem.path("errors").forEach(error -> {
                String said = error.path("message").asString();
                // a detail that only repeats its field's message (auth-server's refusals) is said once, by the field
                parts.remove(said);
                parts.add(error.path("field").asString() + ": " + said);
            });
            message = String.join(" ", parts);
        } catch (RuntimeException notAProblem) {
            // the status text is all there is
        }
        return new ApiRefusal(refused.getStatusCode().value(), message);
    }
}
