package com.healthcontent.articles.article;

import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An article is only ever stored with the events of its change: a plain save, which would drop them, is refused. */
@ServiceIntegrationTest
class StoredWithEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleRepository repository;

    @Test
    void aPlainSaveOfAnArticleIsRefusedAndChangesNothing() {
        String id = new ArticleApi(port).draft(article(uniqueTitle("Plain save"), "[]", "Back pain"));
        Article stored = repository.findById(id).orElseThrow();

        assertThatThrownBy(() -> repository.save(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Article publishes events");

        assertThat(repository.findById(id).orElseThrow().currentVersion()).isEqualTo(stored.currentVersion());
    }
}
