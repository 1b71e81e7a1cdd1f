package com.healthcontent.provenance;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a live page end to end, as anyone outside the platform can: fetches the page, its approval record and the
 * published keys, and runs {@link PageCheck}. Exit status 0 when the page is what its reviewers approved, 1 when it
 * is not (or is not served), 2 for a wrong command line.
 *
 * <pre>
 * scripts/verify-page http://localhost:8080/api/v1/articles/back-cracking
 * scripts/verify-page https://example.org/api/v1/exercises/cat-cow --keys approval-keys.json
 * </pre>
 *
 * The keys come from {@code /api/v1/approval-keys} on the page's host unless {@code --keys} names another URL or a
 * file: pin the keys you trust when the host itself is in question.
 */
public final class VerifyPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final PrintStream out;

    public VerifyPage(HttpClient http, PrintStream out) {
        this.http = http;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--keys"))) {
            System.err.println("usage: verify-page PAGE_URL [--keys KEYS_URL_OR_FILE]");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        URI page = URI.create(args[0]);
        String keys = args.length == 3
                ? args[2]
                : page.resolve("/api/v1/approval-keys").toString();
        System.exit(new VerifyPage(http, System.out).verify(page, keys) ? 0 : 1);
    }

    /** Prints what was checked and found; true when the page is verified. */
    public boolean verify(URI page, String keys) {
        try {
            JsonNode shown = JSON.readTree(fetch(page, "application/json"));
            JsonNode approval = JSON.readTree(fetch(URI.create(page + "/approval"), "application/json"));
            JWKSet published = JWKSet.parse(
                    keys.startsWith("http:") || keys.startsWith("https:")
                            ? fetch(URI.create(keys), "application/jwk-set+json, application/json")
                            : Files.readString(Path.of(keys.replaceFirst("^file:", ""))));
            PageCheck.Verdict verdict = new PageCheck(shown, approval, published, typeOf(page)).verify();
            report(page, verdict);
            return verdict.verified();
        } catch (IOException | ParseException | RuntimeException e) {
            out.println("NOT VERIFIED " + page + ": "
                    + (e.getMessage() == null
                            ? "cannot reach it (" + e.getClass().getSimpleName() + ")"
                            : e.getMessage()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void report(URI page, PageCheck.Verdict verdict) {
        verdict.findings()
                .forEach(finding -> out.printf(
                        "%s %-16s %s%n", finding.passed() ? "ok  " : "FAIL", finding.check(), finding.detail()));
        verdict.record().ifPresent(record -> {
            out.printf(
                    "%s %s, revision %d, published %s%n",
                    record.contentType(), record.slug(), record.revision(), record.publishedAt());
            record.reviewers()
                    .forEach(reviewer -> out.printf(
                            "  approved by %s%s on %s%n",
                            reviewer.name(),
                            reviewer.credentials() == null ? "" : " (" + reviewer.credentials() + ")",
                            reviewer.approvedAt()));
        });
        out.println((verdict.verified() ? "VERIFIED " : "NOT VERIFIED ") + page);
    }

    private String fetch(URI uri, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + " " + problemDetail(response.body()));
        }
        return response.body();
    }

    private static String problemDetail(String body) {
        try {
            return JSON.readTree(body).path("detail").asString("");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    /** {@code /api/v1/articles/x}: an article; the record must say so too. */
    private static String typeOf(URI page) {
        String path = page.getPath();
        for (String type : new String[] {"article", "exercise", "routine"}) {
            if (path.contains("/" + type + "s/")) {
                return type;
            }
        }
        return null;
    }
}
