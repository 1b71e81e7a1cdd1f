package com.healthcontent.editorial.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.ServiceUnavailableException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import com.healthcontent.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The directory copy against a stand-in identity server that can go away, and a real MongoDB wire server. */
class StaffDirectoryTest {

    MongoServer mongo;
    MongoClient client;
    MongoTemplate mongoTemplate;
    HttpServer identity;
    final AtomicInteger fullAnswers = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongoTemplate = new MongoTemplate(client, "directory");
        identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = TestTokens.STAFF_DIRECTORY.getBytes(StandardCharsets.UTF_8);
        identity.createContext("/api/v1/staff", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            fullAnswers.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        identity.start();
    }

    @AfterEach
    void stop() {
        identity.stop(0);
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void namesEveryWrongReviewerAndKnowsProfiles() {
        StaffDirectory directory = directory();
        assertThat(directory.medicalReviewers(List.of("dr.kim", "dr.rao")))
                .extracting(StaffProfile::name)
                .containsExactly("Dr. Min-jun Kim", "Dr. Priya Rao");
        assertThatThrownBy(() -> directory.medicalReviewers(List.of("dr.rao", "eli.editor", "dr.nobody")))
                .isInstanceOfSatisfying(
                        UnprocessableContentException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("reviewers[1]", "reviewers[2]"));
        assertThat(directory.profileOf("ana.author").credentials()).isEqualTo("MSc");
        assertThat(directory.profileOf("left.last.year").name()).isEqualTo("left.last.year");
    }

    @Test
    void anUnchangedDirectoryCostsA304AndAnOutageChangesNothing() {
        StaffDirectory directory = directory();
        directory.profileOf("dr.rao");
        assertThat(directory.refresh()).isTrue();
        assertThat(fullAnswers).hasValue(1);
        assertThat(notModified).hasValue(1);

        identity.stop(0);
        assertThat(directory.refresh()).isFalse();
        assertThat(directory.find("dr.rao")).isPresent();
        // A new instance starting while the identity side is down still knows everyone, from MongoDB.
        assertThat(directory().find("dr.kim").map(StaffProfile::isMedicalReviewer))
                .contains(true);
    }

    @Test
    void withoutAnyCopyYetALookupIsA503NotAWrongUnknownName() {
        identity.stop(0);
        assertThatThrownBy(() -> directory().medicalReviewers(List.of("dr.rao")))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    private StaffDirectory directory() {
        return new StaffDirectory(
                mongoTemplate,
                URI.create("http://127.0.0.1:" + identity.getAddress().getPort() + "/api/v1/staff"),
                Duration.ofMinutes(1),
                Clock.systemUTC());
    }
}
