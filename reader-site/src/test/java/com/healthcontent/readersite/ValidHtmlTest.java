package com.healthcontent.readersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of page is valid HTML by the Nu HTML checker (the W3C's validator, vnu, run in the test's JVM): what
 * browsers, screen readers and search engines read is what the templates meant. Errors fail; warnings are allowed.
 */
class ValidHtmlTest extends RecordedPlatformTest {

    static final String MODEL = "is-it-good-or-bad-to-crack-your-back";
    static final String ROUTINE = "gentle-moves-for-lower-back-pain";

    @BeforeAll
    static void thePlatformAsItAnsweredForTheDemoContent() {
        API.reset();
        String exercise = JsonMapper.builder()
                .build()
                .readTree(StandInApi.recorded("article-page.json"))
                .get("exercises")
                .get(0)
                .toString();
        API.answerRecorded("GET /api/v1/pages/articles/" + MODEL, "article-page.json")
                .answerRecorded("GET /api/v1/articles/" + MODEL + "/structured-data", "structured-data.json")
                .answerRecorded("GET /api/v1/articles?size=6", "articles.json")
                .answerRecorded("GET /api/v1/routines?size=6", "routines.json")
                .answerRecorded(ReaderFindsTest.MOST_HELPFUL, "most-helpful.json")
                .answerRecorded("GET /api/v1/routines/" + ROUTINE, "routine.json")
                .answerRecorded("GET /api/v1/routines/" + ROUTINE + "/session", "routine-session.json")
                .answerRecorded("GET /api/v1/search?q=craking%20my%20back&size=10", "search.json")
                .answer("GET /api/v1/exercises/standing-bends", 200, exercise)
                .answer("GET /api/v1/pages/articles/withdrawn", 410, "{\"status\":410}");
    }

    @Test
    void everyKindOfPageIsValidHtml() throws Exception {
        EmbeddedValidator checker = new EmbeddedValidator();
        checker.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
        // the checker finds what it should: a page with a stray end tag is not valid
        assertThat(onALargeStack(() -> checker.validate(new ByteArrayInputStream(
                        "<!DOCTYPE html><html lang=en><title>t</title><p><div>x</p>".getBytes()))))
                .contains("Error");
        List<String> errors = new ArrayList<>();
        for (String path : List.of(
                "/",
                "/articles/" + MODEL,
                "/articles/" + MODEL + "?feedback=details",
                "/articles/" + MODEL + "?feedback=thanks",
                "/exercises/standing-bends",
                "/routines/" + ROUTINE,
                "/routines/" + ROUTINE + "/session",
                "/search",
                "/search?q=craking my back",
                "/offline",
                "/articles/no-such-page",
                "/articles/withdrawn")) {
            byte[] page = mvc.perform(get(path)).andReturn().getResponse().getContentAsByteArray();
            assertThat(page).as(path).isNotEmpty();
            String report = onALargeStack(() -> checker.validate(new ByteArrayInputStream(page)));
            report.lines().filter(line -> line.startsWith("Error")).forEach(error -> errors.add(path + ": " + error));
        }
        assertThat(errors).as(String.join("\n", errors)).isEmpty();
    }

    interface Check {
        String run() throws Exception;
    }

    /** The checker's schema recurses deeper than the tests' small thread stacks (-Xss512k) allow. */
    private static String onALargeStack(Check check) throws Exception {
        String[] report = new String[1];
        Exception[] failed = new Exception[1];
        Thread checking = new Thread(
                null,
                () -> {
                    try {
                        report[0] = check.run();
                    } catch (Exception e) {
                        failed[0] = e;
                    }
                },
                "nu-html-checker",
                64L * 1024 * 1024);
        checking.start();
        checking.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        return report[0];
    }
}
