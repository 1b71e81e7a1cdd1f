package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A medical reviewer's day in the reviewer console, in a real headless Chromium (Debian's, with its chromedriver)
 * against the whole stack as {@code ./run.sh} starts it: signing in through the authorization server, a reader's
 * report arriving on the open page without a reload, approving a submitted article, triaging a report, alert
 * settings, signing out. Each page is photographed at desktop and phone widths (target/console-screenshots/; the
 * README shows copies from docs/console/). Skipped, not failed, where no Chromium is installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
@ExtendWith(SharedStack.class)
class ReviewerConsoleIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    static StackUnderTest stack;
    static WebDriver browser;
    static String console;
    static String reportComment =
            "The hold time in step 2 is wrong " + UUID.randomUUID().toString().substring(0, 6);
    static String articleTitle =
            "Console review " + UUID.randomUUID().toString().substring(0, 6);
    static String exerciseName = "Cat stretch " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startTheBrowser(StackUnderTest shared) throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        stack = shared;
        console = stack.gateway() + "/console/";
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void drRaoSignsInThroughTheAuthorizationServer() {
        browser.get(console);
        // the console sends the browser to the platform's sign-in page (authorization code with PKCE)
        waitFor(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + (9000 + stack.offset) + "/login");
        browser.findElement(By.name("username")).sendKeys("dr.rao");
        browser.findElement(By.name("password")).sendKeys("healthy-demo");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts-heading"), "Alerts"));
        assertThat(browser.getCurrentUrl()).startsWith(console);
        assertThat(browser.findElement(By.cssSelector(".signout .who")).getText())
                .isNotBlank();
        // the tokens stay on the server: the browser holds the console's session cookie, never a token
        assertThat(browser.manage().getCookies())
                .extracting(cookie -> cookie.getName())
                .contains("CONSOLE_SESSION")
                .noneMatch(name -> name.toLowerCase().contains("token"));
        assertEveryControlIsLabelled();
        photograph("desk");
        // a write without the page's CSRF token (what a forged cross-site form would send) is refused
        Object status = ((JavascriptExecutor) browser)
                .executeAsyncScript("var done = arguments[0];"
                        + "fetch(location.origin + '/console/alerts/read-all', {method: 'POST', credentials: 'same-origin'})"
                        + ".then(function (r) { done(r.status); });");
        assertThat(status).isEqualTo(403L);
    }

    @Test
    @Order(2)
    void aReadersReportAppearsOnTheOpenPageWithoutAReload() throws Exception {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "Live"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        int unreadBefore = unread();
        String demoArticle = StackUnderTest.body(
                        stack.get("/api/v1/articles/is-it-good-or-bad-to-crack-your-back", null))
                .get("id")
                .asString();

        Instant sent = Instant.now();
        assertThat(stack.feedback("console-journey-reader-" + UUID.randomUUID(), """
                {"target": {"type": "ARTICLE", "id": "%s"}, "helpful": false, "reason": "INACCURATE",
                 "comment": "%s"}""".formatted(
                                        demoArticle, reportComment))
                        .statusCode())
                .isEqualTo(202);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), reportComment));
        Duration took = Duration.between(sent, Instant.now());
        System.out.printf("report on dr.rao's open console page %d ms after it was sent%n", took.toMillis());

        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .isEqualTo(true);
        assertThat(unread()).isEqualTo(unreadBefore + 1);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        photograph("desk-live-alert");
    }

    @Test
    @Order(3)
    void drRaoApprovesASubmittedArticleAndItLeavesTheQueue() throws Exception {
        String author = stack.token("ana.author");
        JsonNode draft =
                StackUnderTest.body(stack.send("POST", "/api/v1/articles", author, """
                {"title": "%s", "summary": "Why stiff backs ease with gentle movement.",
                 "sections": [{"type": "TEXT", "heading": "Why it helps", "body": "Movement eases stiffness [1]."}],
                 "references": [{"number": 1, "title": "Exercise for low back pain",
                                 "doi": "10.1002/14651858.CD009790"}]}""".formatted(articleTitle)));
        StackUnderTest.body(stack.send(
                "POST",
                "/api/v1/articles/" + draft.get("id").asString() + "/submission",
                author,
                "{\"reviewers\": [\"dr.rao\"]}"));

        browser.get(console);
        WebElement queued = waitFor(ExpectedConditions.elementToBeClickable(By.linkText(articleTitle)));
        queued.click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), articleTitle));
        assertThat(browser.findElement(By.cssSelector(".check.ok")).getText()).contains("every reference is cited");
        assertThat(browser.findElement(By.cssSelector(".section-change .tag")).getText())
                .isEqualTo("new");
        assertEveryControlIsLabelled();
        photograph("review");

        browser.findElement(By.cssSelector("button[value=APPROVED]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.done"), "You approved"));
        assertThat(browser.findElement(By.id("queue")).getText()).doesNotContain(articleTitle);
        String status = StackUnderTest.body(
                        stack.get("/api/v1/articles/drafts/" + draft.get("id").asString(), author))
                .get("status")
                .asString();
        assertThat(status).isEqualTo("APPROVED");

        // an exercise is reviewed the same way
        JsonNode exercise =
                StackUnderTest.body(stack.send("POST", "/api/v1/exercises", author, """
                {"name": "%s", "summary": "Eases a stiff upper back.", "bodyRegions": ["UPPER_BACK"],
                 "position": "KNEELING", "steps": ["Kneel on all fours.", "Round your back slowly."],
                 "dose": {"holdSeconds": 5, "repetitions": {"min": 5, "max": 10}},
                 "precautions": ["Stop if it hurts."]}""".formatted(exerciseName)));
        StackUnderTest.body(stack.send(
                "POST",
                "/api/v1/exercises/" + exercise.get("id").asString() + "/submission",
                author,
                "{\"reviewers\": [\"dr.rao\"]}"));
        browser.get(console);
        waitFor(ExpectedConditions.elementToBeClickable(By.linkText(exerciseName)))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), exerciseName));
        assertThat(browser.findElement(By.id("steps-heading")).getText()).startsWith("Steps");
        assertEveryControlIsLabelled();
        photograph("review-exercise");
        browser.findElement(By.cssSelector("button[value=APPROVED]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.done"), "You approved"));
        assertThat(browser.findElement(By.id("queue")).getText()).doesNotContain(exerciseName);
    }

    @Test
    @Order(4)
    void drRaoTriagesTheReport() {
        browser.get(console + "reports");
        WebElement report = waitFor(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//li[contains(@class,'report')][.//blockquote[contains(., '" + reportComment + "')]]")));
        assertThat(report.getText()).contains("INACCURATE").contains("found it helpful");
        assertEveryControlIsLabelled();
        photograph("reports");
        report.findElement(By.name("note")).sendKeys("Checked against the guideline; step 2 corrected.");
        report.findElement(By.cssSelector("button[value=RESOLVED]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.done"), "resolved"));
        browser.get(console + "reports?status=RESOLVED");
        assertThat(waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.reports")))
                        .getText())
                .contains(reportComment);
    }

    @Test
    @Order(5)
    void alertSettingsAreEditedOnAPageAndAMistakeIsNamed() {
        browser.get(console + "preferences");
        WebElement zone = waitFor(ExpectedConditions.presenceOfElementLocated(By.id("timeZone")));
        zone.clear();
        zone.sendKeys("Mars/Olympus_Mons");
        browser.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        assertThat(waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.refused")))
                        .getText())
                .contains("timeZone");
        // what was typed comes back to be fixed, not lost
        assertThat(browser.findElement(By.id("timeZone")).getAttribute("value")).isEqualTo("Mars/Olympus_Mons");

        browser.findElement(By.id("timeZone")).clear();
        browser.findElement(By.id("timeZone")).sendKeys("Europe/London");
        // quiet hours from 22:00 to 07:00 (set as the time inputs hold them, whatever the browser's locale)
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('quietFrom').value = '22:00';"
                        + "document.getElementById('quietUntil').value = '07:00';");
        browser.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.done"), "Saved"));
        assertThat(browser.findElement(By.id("timeZone")).getAttribute("value")).isEqualTo("Europe/London");
        assertThat(browser.findElement(By.id("quietFrom")).getAttribute("value"))
                .isEqualTo("22:00");
        assertEveryControlIsLabelled();
        photograph("preferences");
    }

    @Test
    @Order(6)
    void signingOutEndsTheSignInAtTheAuthorizationServerToo() {
        browser.get(console);
        waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(".signout button")))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "You have signed out"));
        photograph("signed-out");

        browser.get(console);
        // not silently signed in again: the authorization server asks who it is
        waitFor(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    }

    @Test
    @Order(7)
    void anEditorPublishesWhatDrRaoApproved() throws Exception {
        browser.get(console);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.name("username")))
                .sendKeys("eli.editor");
        browser.findElement(By.name("password")).sendKeys("healthy-demo");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();

        waitFor(ExpectedConditions.elementToBeClickable(By.linkText(articleTitle)));
        photograph("editor-desk");
        browser.findElement(By.linkText(articleTitle)).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), articleTitle));
        browser.findElement(By.cssSelector("#editor-heading ~ form button.primary"))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.done"), "Published"));
        JsonNode live = StackUnderTest.body(
                stack.get("/api/v1/articles?q=" + articleTitle.split(" ")[2], null));
        assertThat(live.get("items").findValuesAsString("title")).containsExactly(articleTitle);

        // the published version is in the article's history, with who approved it, readable on a phone too
        browser.findElement(By.linkText("History")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), articleTitle));
        assertThat(browser.findElement(By.id("version-1-heading")).getText()).isEqualTo("Version 1");
        assertThat(browser.findElement(By.cssSelector(".approvals")).getText()).contains("Priya Rao");
        assertEveryControlIsLabelled();
        browser.manage().window().setSize(PHONE);
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue())
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(0);
        photograph("history");
    }

    /**
     * The administrator's journey of issue 28: invite a reviewer in the console, the reviewer sets a password on the
     * one-time link and signs in, the administrator disables them and reads it all in the audit trail.
     */
    @Test
    @Order(8)
    void anAdministratorInvitesAReviewerWhoSignsInAndIsThenDisabled() {
        String username = "dr.invited-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "a reviewer's own long password";
        signOutThenSignInAs("ops.admin", "healthy-demo");
        browser.findElement(By.linkText("Staff")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-heading"), "Staff"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("name")).sendKeys("Dr. Ivy Invited");
        browser.findElement(By.id("credentials")).sendKeys("MBBS");
        browser.findElement(By.id("email")).sendKeys(username + "@example.org");
        browser.findElement(By.id("invite-MEDICAL_REVIEWER")).click();
        browser.findElement(By.cssSelector("section[aria-labelledby=invite-heading] button.primary"))
                .click();
        String link = waitFor(ExpectedConditions.presenceOfElementLocated(By.id("one-time-link")))
                .getAttribute("value")
                .strip();
        assertEveryControlIsLabelled();
        photograph("staff");

        // the invited reviewer chooses a password on the link and signs in to the console with it
        browser.get(link);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys(password);
        browser.findElement(By.id("repeated")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.done"), "password is set"));
        signOutThenSignInAs(username, password);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts-heading"), "Alerts"));

        // the administrator disables them and reads both in the audit trail
        signOutThenSignInAs("ops.admin", "healthy-demo");
        browser.get(console + "staff");
        waitFor(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("tr[data-username='" + username + "'] form[action$='/disable'] button")))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-username='" + username + "'] .state"), "Disabled"));
        browser.get(console + "staff/audit?subject=" + username);
        String trail = waitFor(ExpectedConditions.presenceOfElementLocated(By.id("entries")))
                .getText();
        assertThat(trail).contains("Signed in", "Invited", "ops.admin");
        assertThat(trail.toLowerCase()).contains("disabled");
        photograph("audit");
    }

    private static void signOutThenSignInAs(String username, String password) {
        browser.get(console);
        List<WebElement> signOut = browser.findElements(By.cssSelector(".signout button"));
        if (!signOut.isEmpty()) {
            signOut.get(0).click();
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "You have signed out"));
            browser.get(console);
        }
        waitFor(ExpectedConditions.presenceOfElementLocated(By.name("username")))
                .sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".signout .who")));
    }

    private static int unread() {
        return Integer.parseInt(browser.findElement(By.id("unread")).getText().replaceAll("\\D+", ""));
    }

    /** Every visible form control has a label a screen reader announces (label[for] or aria-label). */
    private static void assertEveryControlIsLabelled() {
        List<WebElement> controls = browser.findElements(By.cssSelector("input:not([type=hidden]), textarea, select"));
        for (WebElement control : controls) {
            String id = control.getAttribute("id");
            boolean labelled = control.getAttribute("aria-label") != null
                    || id != null
                            && !browser.findElements(By.cssSelector("label[for='" + id + "']"))
                                    .isEmpty();
            assertThat(labelled)
                    .as("a label for %s on %s", control.getAttribute("name"), browser.getCurrentUrl())
                    .isTrue();
        }
    }

    private static void photograph(String page) {
        for (Map.Entry<String, Dimension> width :
                Map.of("desktop", DESKTOP, "phone", PHONE).entrySet()) {
            browser.manage().window().setSize(width.getValue());
            try {
                Files.write(
                        SCREENSHOTS.resolve(page + "-" + width.getKey() + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        browser.manage().window().setSize(DESKTOP);
    }

    private static <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
