package com.healthcontent.articles;

import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.slugOf;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

/**
 * A second start on the same data, as after a deployment or a crash: it must come up and serve what the first one
 * stored, even while the identity side (the staff directory's source) is away.
 */
@ServiceIntegrationTest
class RestartTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void aRestartedInstanceServesPublishedArticlesFromTheStoredData() {
        String title = uniqueTitle("Survives restarts");
        new ArticleApi(port).published(article(title, "[]", "Back pain"));

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ArticleServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri="
                                + environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                                + environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"),
                        "--platform.staff.directory-url=http://127.0.0.1:9/unreachable")) {
            int restartedPort =
                    ((WebServerApplicationContext) restarted).getWebServer().getPort();
            var page = new ArticleApi(restartedPort)
                    .call(HttpMethod.GET, "/api/v1/articles/" + slugOf(title), null, null, 200);
            assertThat(page.get("author").get("name").asString()).isEqualTo("Ana Alvarez");
        }
    }
}
