package com.healthcontent.console.platform;

import com.healthcontent.console.ConsoleProperties;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API through the gateway, called with the signed-in person's access token (refreshed when it
 * expires): the console is a client like any other and the services decide what each person may do. A refusal
 * comes back as an {@link ApiRefusal} carrying the problem's detail, for the page to show.
 */
@Component
public class PlatformApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    PlatformApi(
            RestClient.Builder builder, ConsoleProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
        OAuth2ClientHttpRequestInterceptor withToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        withToken.setClientRegistrationIdResolver(request -> "web");
        this.http = builder.baseUrl(properties.apiUrl())
                .requestInterceptor(withToken)
                .build();
    }

    public JsonNode get(Function<UriBuilder, URI> uri) {
        return call(() -> http.get().uri(uri).retrieve().body(JsonNode.class));
    }

    /** A read that may find nothing (a draft never published has no live version). */
    public JsonNode getIfPresent(Function<UriBuilder, URI> uri) {
        try {
            return get(uri);
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 404) {
                return null;
            }
            throw refusal;
        }
    }

    public JsonNode post(String path, Map<String, ?> body, Object... variables) {
        return call(() -> http.post()
                .uri(path, variables)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body)
                .retrieve()
                .body(JsonNode.class));
    }

    public JsonNode put(String path, Map<String, ?> body, Object... variables) {
        return call(() -> http.put()
                .uri(path, variables)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class));
    }

    /** A DELETE, with a body when it takes one (unpublishing takes a reason; enabling an account nothing). */
    public JsonNode delete(String path, Map<String, ?> body, Object... variables) {
        return call(() -> {
            RestClient.RequestBodySpec request = http.method(HttpMethod.DELETE).uri(path, variables);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.retrieve().body(JsonNode.class);
        });
    }

    /** JSON as maps and lists, as pages read it ({@code ${alert.target.title}}). */
    public static Object plain(JsonNode node) {
        return node == null || node.isMissingNode() ? null : JSON.treeToValue(node, Object.class);
    }

    private static JsonNode call(Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (RestClientResponseException refused) {
            throw ApiRefusal.of(refused);
        }
    }
}
