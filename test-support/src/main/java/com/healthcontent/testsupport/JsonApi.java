package com.healthcontent.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's JSON API as a client calls it: a request, the status it must answer, the body as JSON. */
public class JsonApi {

    private final RestTestClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    public JsonApi(int port) {
        this.client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    public RestTestClient client() {
        return client;
    }

    /** Sends a request (token and body optional) and checks its status; returns the JSON body ({} when empty). */
    public JsonNode call(HttpMethod method, String path, String token, String body, int expectedStatus) {
        RestTestClient.RequestBodySpec request = client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return json(request.exchange()
                .expectStatus()
                .isEqualTo(expectedStatus)
                .returnResult(String.class)
                .getResponseBody());
    }

    public JsonNode post(String path, String token, String body, int expectedStatus) {
        return call(HttpMethod.POST, path, token, body, expectedStatus);
    }

    public JsonNode json(String body) {
        return json.readTree(body == null || body.isBlank() ? "{}" : body);
    }
}
