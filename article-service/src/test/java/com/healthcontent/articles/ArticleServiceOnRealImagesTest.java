package com.healthcontent.articles;

import com.healthcontent.testsupport.RealInfrastructureTest;
import com.healthcontent.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The service against the production images (mongo, apache/kafka); skipped where there is no Docker engine. */
@RealInfrastructureTest
class ArticleServiceOnRealImagesTest {

    @LocalServerPort
    int port;

    @Test
    void readinessAndADraftOnRealMongoAndKafka() {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser("ana.author", "AUTHOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"Back cracking\", \"summary\": \"Good or bad?\", \"sections\": []}")
                .exchange().expectStatus().isCreated();
    }
}
