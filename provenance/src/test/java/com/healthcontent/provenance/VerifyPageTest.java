package com.healthcontent.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The command against a server answering as the platform does: the page, its approval and the keys. */
class VerifyPageTest {

    record Answer(int status, String type, String body) {}

    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    HttpServer server;
    URI page;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "text/plain", ""));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.type());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        page = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/articles/cracking-your-back");
        ObjectNode content = PageCheckTest.content();
        String record = PageCheckTest.KEYS.sign(PageCheckTest.record(ContentDigest.of(content)));
        answers.put(page.getPath(), json(PageCheckTest.page(content).toString()));
        answers.put(
                page.getPath() + "/approval",
                json(PageCheckTest.approval(record, content).toString()));
        answers.put(
                "/api/v1/approval-keys",
                new Answer(
                        200,
                        "application/jwk-set+json",
                        PageCheckTest.KEYS.published().toString()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Answer json(String body) {
        return new Answer(200, "application/json", body);
    }

    private boolean verify(String keys) {
        return new VerifyPage(HttpClient.newHttpClient(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .verify(page, keys);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private String keysOnHost() {
        return page.resolve("/api/v1/approval-keys").toString();
    }

    @Test
    void aLivePageAsApprovedIsVerifiedAndWhoApprovedItIsSaid() {
        assertThat(verify(keysOnHost())).isTrue();
        assertThat(printed())
                .contains("ok   signature")
                .contains("article cracking-your-back, revision 2, published 2026-12-01T09:00:00Z")
                .contains("approved by Dr. Priya Rao (MD, FRCP) on 2026-11-30T10:15:30.123Z")
                .endsWith("VERIFIED " + page + System.lineSeparator());
    }

    @Test
    void aPageEditedAfterApprovalIsNotVerified() {
        ObjectNode edited = PageCheckTest.page(PageCheckTest.content());
        edited.put("title", "Cracking your back is always safe");
        answers.put(page.getPath(), json(edited.toString()));

        assertThat(verify(keysOnHost())).isFalse();
        assertThat(printed()).contains("FAIL page text").contains("title").contains("NOT VERIFIED " + page);
    }

    @Test
    void keysPinnedFromAFileAreTheOnlyOnesTrusted(@TempDir Path directory) throws Exception {
        Path pinned = directory.resolve("keys.json");
        Files.writeString(pinned, ApprovalKeys.generate().published().toString());

        assertThat(verify(pinned.toString())).isFalse();
        assertThat(printed()).contains("FAIL signature");

        Files.writeString(pinned, PageCheckTest.KEYS.published().toString());
        assertThat(verify("file:" + pinned)).isTrue();
    }

    @Test
    void aPageTheServerRefusesIsNotVerifiedAndTheReasonIsShown() {
        answers.put(
                page.getPath(),
                new Answer(
                        503,
                        "application/problem+json",
                        "{\"detail\": \"This page did not pass its integrity check\"}"));

        assertThat(verify(keysOnHost())).isFalse();
        assertThat(printed()).contains("answered 503 This page did not pass its integrity check");
    }
}
