package com.healthcontent.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The staff API as its clients call it: JSON, with a bearer token. */
final class StaffApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StaffApi() {}

    /** {@code body} null: none. */
    static HttpResponse<String> call(String base, String token, String method, String path, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
