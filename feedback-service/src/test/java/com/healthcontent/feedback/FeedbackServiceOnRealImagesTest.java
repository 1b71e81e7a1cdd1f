package com.healthcontent.feedback;

import com.healthcontent.testsupport.RealInfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The service against the production images (mongo, apache/kafka); skipped where there is no Docker engine. */
@RealInfrastructureTest
class FeedbackServiceOnRealImagesTest {

    @LocalServerPort
    int port;

    @Test
    void readinessAndValidationOnRealMongoAndKafka() {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": {\"type\": \"ARTICLE\", \"id\": \"unknown\"}, \"helpful\": true}")
                .exchange().expectStatus().isNotFound();
    }
}
