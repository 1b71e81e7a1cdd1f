package com.healthcontent.readersite.platform;

import com.healthcontent.readersite.ReaderSiteProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API through the gateway, as any reader's client calls it: anonymously, so the site shows
 * exactly what readers may see. A missing page comes back as {@link ContentNotFound}, a withdrawn one as
 * {@link ContentWithdrawn}, an API that does not answer in time as {@link PlatformUnavailable}; the error pages
 * turn each into what a reader should read.
 */
@Component
public class PublicApi {

    private static final JsonMapper PROBLEMS = JsonMapper.builder().build();
    /** The header with which the site shows the gateway its key (READER_SITE_KEY). */
    static final String GATEWAY_KEY = "X-Reader-Site-Key";

    private final RestClient http;

    PublicApi(RestClient.Builder builder, ReaderSiteProperties properties) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.apiTimeout());
        timeouts.setReadTimeout(properties.apiTimeout());
        RestClient.Builder calls = builder.baseUrl(properties.apiUrl())
                .requestFactory(timeouts)
                .requestInterceptor(PublicApi::onBehalfOfTheReader)
                // JSON, and the structured data of a page as article-service types it (JSON-LD)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, "application/ld+json");
        if (properties.gatewayKey() != null && !properties.gatewayKey().isBlank()) {
            calls.defaultHeader(GATEWAY_KEY, properties.gatewayKey());
        }
        this.http = calls.build();
    }

    /** {@code path} with its {@code {variables}} filled in, read as {@code type}. */
    public <T> T get(Class<T> type, String path, Object... variables) {
        return call(() -> http.get().uri(path, variables).retrieve().body(type));
    }

    /**
     * A read with query parameters (a name may repeat: {@code tag=a&tag=b}). Values go in as URI variables, so that
     * a reader's {@code &} or {@code +} stays a character of their words.
     */
    public <T> T get(Class<T> type, String path, MultiValueMap<String, String> query) {
        List<Object> values = new ArrayList<>();
        return call(() -> http.get()
                .uri(builder -> {
                    builder.path(path);
                    query.forEach((name, named) -> named.forEach(value -> {
                        builder.queryParam(name, "{value" + values.size() + "}");
                        values.add(value);
                    }));
                    return builder.build(values.toArray());
                })
                .retrieve()
                .body(type));
    }

    /**
     * A reader's submission, sent on their behalf: their browser goes with it as well as their address, so that the
     * feedback API tells readers apart as it would if they had come straight to it.
     */
    public void postForReader(String path, Object body, HttpServletRequest reader) {
        call(() -> http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    String browser = reader.getHeader(HttpHeaders.USER_AGENT);
                    if (browser != null) {
                        headers.set(HttpHeaders.USER_AGENT, browser);
                    }
                })
                .body(body)
                .retrieve()
                .toBodilessEntity());
    }

    /**
     * Every call is made for the reader whose page is being built: their address goes with it (as the gateway would
     * have seen them coming straight to the API), so that the gateway's per-client limits count each reader, not this
     * site as a whole. The gateway believes the address when the site shows its key (READER_SITE_KEY) or comes from a
     * proxy it trusts (GATEWAY_TRUSTED_PROXIES).
     */
    private static ClientHttpResponse onBehalfOfTheReader(
            HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page) {
            request.getHeaders().set("X-Forwarded-For", page.getRequest().getRemoteAddr());
        }
        return execution.execute(request, body);
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException refused) {
            throw switch (refused.getStatusCode().value()) {
                case 404 -> new ContentNotFound();
                case 410 -> new ContentWithdrawn();
                case 400, 422 -> refusal(refused.getResponseBodyAsString());
                case 429 -> new PlatformUnavailable("too many requests", retryAfter(refused));
                default -> new PlatformUnavailable("the API answered " + refused.getStatusCode(), retryAfter(refused));
            };
        } catch (ResourceAccessException unreachable) {
            throw new PlatformUnavailable("the API did not answer: " + unreachable.getMessage(), 10);
        }
    }

    /** The first field a problem names, and what it says of it. */
    private static RequestRefused refusal(String problem) {
        try {
            JsonNode first = PROBLEMS.readTree(problem).path("errors").path(0);
            return first.isMissingNode()
                    ? new RequestRefused(null, null)
                    : new RequestRefused(
                            first.path("field").asString(null),
                            first.path("message").asString(null));
        } catch (JacksonException notJson) {
            return new RequestRefused(null, null);
        }
    }

    private static long retryAfter(RestClientResponseException refused) {
        String seconds = refused.getResponseHeaders() == null
                ? null
                : refused.getResponseHeaders().getFirst("Retry-After");
        return seconds != null && seconds.matches("\\d{1,5}") ? Long.parseLong(seconds) : 10;
    }
}
