package com.healthcontent.readersite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The site in its real servlet container, as a browser or the gateway reaches it: an address the site does not have
 * is its own 404 page, and what makes it a web app (manifest, service worker, styles, scripts) is served with the
 * right types.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServedSiteTest {

    static final StandInApi API = new StandInApi();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry properties) {
        properties.add("platform.reader-site.api-url", API::url);
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,*/*");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserHoldingThePageRevalidatesItAndGetsTheCorrectionOnceThereIsOne() throws Exception {
        String model = "is-it-good-or-bad-to-crack-your-back";
        String page = StandInApi.recorded("article-page.json");
        API.answerRecorded("GET /api/v1/articles/" + model + "/structured-data", "structured-data.json")
                .answer("GET /api/v1/pages/articles/" + model, 200, page);

        HttpResponse<String> first = get("/articles/" + model);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-cache"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> held = get("/articles/" + model, "If-None-Match", etag);
        assertThat(held.statusCode()).isEqualTo(304);
        assertThat(held.body()).isEmpty();

        API.answer(
                "GET /api/v1/pages/articles/" + model,
                200,
                page.replace(
                        "Is It Good or Bad to Crack Your Back?", "Is It Good or Bad to Crack Your Back? (corrected)"));
        HttpResponse<String> corrected = get("/articles/" + model, "If-None-Match", etag);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(corrected.body()).selectFirst("h1").text()).endsWith("(corrected)");
        assertThat(corrected.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(get(
                                "/articles/" + model,
                                "If-None-Match",
                                corrected.headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void anAddressTheSiteDoesNotHaveIsItsOwnNotFoundPage() throws Exception {
        HttpResponse<String> missing = get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(Jsoup.parse(missing.body()).selectFirst("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void theWebAppIsServedWithItsTypes() throws Exception {
        assertThat(get("/manifest.webmanifest").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("manifest+json"));
        HttpResponse<String> worker = get("/sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(get("/css/site.css").statusCode()).isEqualTo(200);
        assertThat(get("/js/site.js").statusCode()).isEqualTo(200);
        assertThat(get("/icons/icon-192.png").statusCode()).isEqualTo(200);
        assertThat(get("/livez").statusCode()).isEqualTo(200);
    }
}
