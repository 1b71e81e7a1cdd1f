package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lighthouse, as a phone would load them (its default mobile emulation: a mid-range phone on a slow 4G link, CPU
 * slowed four times), scores the reader pages at least 95 in performance, accessibility, best practices and SEO.
 * The pages come through the gateway of the whole stack, as readers get them. Each page's report is kept in
 * {@code target/lighthouse/} (HTML and JSON). Skipped where Lighthouse is not installed
 * ({@code scripts/install-lighthouse}, which CI runs) or Chromium is missing.
 */
@Order(2)
@ExtendWith(SharedStack.class)
class LighthouseIT {

    static final Path LIGHTHOUSE = Path.of("..", ".tools", "lighthouse", "node_modules", ".bin", "lighthouse")
            .toAbsolutePath()
            .normalize();
    static final Path REPORTS = Path.of("target", "lighthouse");
    static final double FLOOR = 0.95;

    static final Map<String, String> PAGES = Map.of(
            "home", "/",
            "article", ReaderSiteIT.MODEL,
            "exercise", "/exercises/knees-to-chest",
            "search", "/search?q=stiff+neck");

    @Test
    void theReaderPagesScoreAtLeast95InEveryCategoryOnAPhone(StackUnderTest stack) throws Exception {
        assumeTrue(Files.isExecutable(LIGHTHOUSE), "Lighthouse is not installed: scripts/install-lighthouse");
        assumeTrue(Files.isExecutable(ReaderSiteIT.CHROMIUM), "Chromium is not installed");
        Files.createDirectories(REPORTS);
        List<String> below = new ArrayList<>();
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            JsonNode report = audit(stack.gateway() + page.getValue(), page.getKey());
            for (JsonNode category : report.get("categories")) {
                double score = category.get("score").asDouble();
                if (score < FLOOR) {
                    below.add("%s %s %.0f (%s)"
                            .formatted(
                                    page.getValue(),
                                    category.get("id").asString(),
                                    score * 100,
                                    failedAudits(report, category)));
                }
            }
        }
        assertThat(below)
                .as("scores under %.0f; reports in %s", FLOOR * 100, REPORTS.toAbsolutePath())
                .isEmpty();
    }

    /** One Lighthouse run; the categories it scores and the audits that count, from its JSON report. */
    private static JsonNode audit(String url, String name) throws IOException, InterruptedException {
        Path output = REPORTS.resolve(name);
        ProcessBuilder run = new ProcessBuilder(
                        LIGHTHOUSE.toString(),
                        url,
                        "--only-categories=performance,accessibility,best-practices,seo",
                        "--output=json",
                        "--output=html",
                        "--output-path=" + output,
                        "--quiet",
                        "--disable-full-page-screenshot",
                        "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu")
                .redirectErrorStream(true)
                .redirectOutput(REPORTS.resolve(name + ".log").toFile());
        run.environment().put("CHROME_PATH", ReaderSiteIT.CHROMIUM.toString());
        Process lighthouse = run.start();
        assertThat(lighthouse.waitFor(3, TimeUnit.MINUTES))
                .as("Lighthouse on %s finished", url)
                .isTrue();
        assertThat(lighthouse.exitValue())
                .as("Lighthouse on %s: %s", url, Files.readString(REPORTS.resolve(name + ".log")))
                .isZero();
        return JsonMapper.builder()
                .build()
                .readTree(REPORTS.resolve(name + ".report.json").toFile());
    }

    /** The audits of a category that did not score full marks, by title: what to fix. */
    private static List<String> failedAudits(JsonNode report, JsonNode category) {
        List<String> failed = new ArrayList<>();
        for (JsonNode ref : category.get("auditRefs")) {
            JsonNode audit = report.get("audits").get(ref.get("id").asString());
            if (ref.get("weight").asDouble() > 0
                    && !audit.get("score").isNull()
                    && audit.get("score").asDouble() < 1) {
                failed.add(
                        audit.get("title").asString() + " " + audit.get("score").asDouble());
            }
        }
        return failed;
    }
}
