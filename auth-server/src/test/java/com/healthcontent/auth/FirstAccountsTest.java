package com.healthcontent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A production installation: no demo staff, one administrator named by the operator, created at the first start;
 * accounts live in the database, so an account disabled there can no longer sign in and leaves the directory.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.staff.demo-accounts=false",
            "platform.staff.first-admin-username=chief.admin",
            "platform.staff.first-admin-password=a long first password"
        })
class FirstAccountsTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    /** How many accounts existed when the web server could first take a request. */
    static final AtomicLong accountsWhenServing = new AtomicLong(-1);

    @TestConfiguration
    static class WhenServing {
        @Bean
        ApplicationListener<WebServerInitializedEvent> countAccounts(MongoTemplate mongoTemplate) {
            return started -> accountsWhenServing.compareAndSet(
                    -1, mongoTemplate.getCollection("staff_accounts").countDocuments());
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> AuthStore.uri().replace("/auth-server", "/auth-server-first"));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void theAccountsExistBeforeTheFirstRequestCanBeServed() {
        // the services copy the staff directory as soon as this server answers: a copy without them knew nobody
        assertThat(accountsWhenServing.get()).isEqualTo(1);
    }

    @Test
    void onlyTheFirstAdministratorExistsAndTheirPasswordIsStoredAsAHash() throws Exception {
        assertThat(SignInForm.attempt(base(), "chief.admin", "a long first password"))
                .isEmpty();
        assertThat(SignInForm.attempt(base(), "dr.rao", "healthy-demo")).contains("Wrong username or password.");
        Document stored = mongoTemplate
                .getCollection("staff_accounts")
                .find(new Document("_id", "chief.admin"))
                .first();
        assertThat(stored.getList("roles", String.class)).containsExactly("ADMIN");
        assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}").doesNotContain("first password");
    }

    @Test
    void aDisabledPersonCannotSignInAndLeavesTheDirectory() throws Exception {
        mongoTemplate
                .getCollection("staff_accounts")
                .insertOne(new Document("_id", "dr.gone")
                        .append("name", "Dr. Gone")
                        .append("roles", java.util.List.of("MEDICAL_REVIEWER"))
                        .append("enabled", true)
                        .append("passwordHash", "{noop}a long enough password"));
        assertThat(directory()).contains("dr.gone");
        assertThat(SignInForm.attempt(base(), "dr.gone", "a long enough password"))
                .isEmpty();

        mongoTemplate
                .getCollection("staff_accounts")
                .updateOne(new Document("_id", "dr.gone"), new Document("$set", new Document("enabled", false)));

        assertThat(SignInForm.attempt(base(), "dr.gone", "a long enough password"))
                .as("the same answer as a wrong password: nothing about the account is given away")
                .contains("Wrong username or password.");
        assertThat(directory()).doesNotContain("dr.gone");
    }

    private String directory() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
