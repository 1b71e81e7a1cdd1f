package com.healthcontent.console;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.ResponseActions;
import org.springframework.test.web.client.ResponseCreator;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API as a page test meets it: the test says which calls the page makes and what each gets;
 * a call nobody expected fails the test, and so does an expected one the page never made. What is checked is the
 * HTTP the gateway would receive (method, path, query, body, token), sent by the console's own PlatformApi.
 */
public final class Platform {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String apiUrl;
    private final RestClient.Builder client = RestClient.builder();
    // the desk asks for four lists; the order it asks in is not what a page test is about
    private final MockRestServiceServer server =
            MockRestServiceServer.bindTo(client).ignoreExpectOrder(true).build();

    Platform(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    RestClient.Builder client() {
        return client;
    }

    /** One call the page must make, for the test to say what it carries and what the platform answers. */
    public ResponseActions expect(HttpMethod method, String pathAndQuery) {
        return server.expect(ExpectedCount.once(), requestTo(apiUrl + pathAndQuery))
                .andExpect(method(method));
    }

    /** The platform answers one GET with this JSON. */
    public void answers(String pathAndQuery, String json) {
        expect(HttpMethod.GET, pathAndQuery).andRespond(withSuccess(json, MediaType.APPLICATION_JSON));
    }

    /** A refusal as the services write it: an {@code application/problem+json} document (RFC 9457). */
    public static ResponseCreator problem(HttpStatus status, String detail) {
        return problem(status, detail, List.of());
    }

    /** A refusal that names the field of the request to fix, as a validation error does. */
    public static ResponseCreator problem(HttpStatus status, String detail, String field, String message) {
        return problem(status, detail, List.of(Map.of("field", field, "message", message)));
    }

    private static ResponseCreator problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return withStatus(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(JSON.writeValueAsString(problem));
    }

    /**
     * Each test starts with a platform that expects nothing (the context, and so the platform, is shared by every
     * page test) and ends having made every call it expected.
     */
    static final class ExpectationsPerTest implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            platform(context).server.reset();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            platform(context).server.verify();
        }

        private static Platform platform(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(Platform.class);
        }
    }
}
