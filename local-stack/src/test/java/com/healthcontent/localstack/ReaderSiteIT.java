package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader on a phone, in a real headless Chromium through the whole stack: reads the model article, follows
 * citation [1] to its reference, answers No then "out of date" with a comment (the page's script, no reload), and
 * dr.rao's open console shows the report; reopens the article offline (the service worker's copy); follows a guided
 * session step by step; and no page breaks axe-core's accessibility rules.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class ReaderSiteIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "reader-screenshots");
    static final String MODEL = "/articles/is-it-good-or-bad-to-crack-your-back";

    static StackUnderTest stack;
    static ChromeDriver reader;
    static ChromeDriver reviewer;
    static String comment =
            "Outdated since the 2026 guideline " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startTheBrowsers(StackUnderTest shared) throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        stack = shared;
        reader = browser("390,844");
        reviewer = browser("1280,900");
        Files.createDirectories(SCREENSHOTS);
    }

    private static ChromeDriver browser(String size) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--disable-background-networking",
                        // no smooth scrolling: a click lands where the element is, not where it is moving to
                        "--force-prefers-reduced-motion",
                        "--window-size=" + size);
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
    }

    @AfterAll
    static void stopTheBrowsers() {
        for (WebDriver browser : new WebDriver[] {reader, reviewer}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    @Order(1)
    void aReaderReportsAProblemAndItReachesDrRaosOpenConsole() throws Exception {
        // dr.rao has the console open, live
        reviewer.get(stack.gateway() + "/console/");
        waitFor(reviewer, ExpectedConditions.presenceOfElementLocated(By.name("username")))
                .sendKeys("dr.rao");
        reviewer.findElement(By.name("password")).sendKeys("healthy-demo");
        reviewer.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();
        waitFor(reviewer, ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "Live"));

        // the reader opens the model article on a phone
        reader.get(stack.gateway() + MODEL);
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("Is It Good or Bad to Crack Your Back?");
        assertThat(reader.findElement(By.cssSelector(".review-line")).getText()).startsWith("Medically reviewed by");
        assertThat((Long) script(reader, "return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(0L);

        // citation [1] leads to reference 1
        WebElement citation = reader.findElement(By.cssSelector("a.citation[href='#ref-1']"));
        script(reader, "arguments[0].scrollIntoView({block: 'center'});", citation);
        citation.click();
        assertThat(reader.getCurrentUrl()).endsWith("#ref-1");
        assertThat(reader.findElement(By.id("ref-1")).getText()).isNotBlank();
        photograph("article-reference");

        // No, then what was wrong: the page's script sends both without a reload
        script(reader, "window.notReloaded = true;");
        click(reader.findElement(By.cssSelector("form.feedback-vote button[value=false]")));
        waitFor(reader, ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-title"), "What was wrong?"));
        click(reader.findElement(By.cssSelector("input[name=reason][value=OUTDATED]")));
        reader.findElement(By.id("feedback-comment")).sendKeys(comment);
        Instant sent = Instant.now();
        click(reader.findElement(By.cssSelector("form.feedback-details button[type=submit]")));
        waitFor(reader, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".feedback-thanks")));
        assertThat(script(reader, "return window.notReloaded === true;")).isEqualTo(true);
        photograph("feedback-thanks");

        // the report is on dr.rao's open page, without a reload there either
        waitFor(reviewer, ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), comment));
        Duration took = Duration.between(sent, Instant.now());
        System.out.printf("a reader's report on dr.rao's open console %d ms after Send%n", took.toMillis());
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    @Order(2)
    void aPageReadBeforeOpensOffline() throws Exception {
        // the phone reaches the site through a line this test can cut: the network gone, not the site
        try (Line line = Line.to(URI.create(stack.gateway()).getPort())) {
            String site = "http://localhost:" + line.port();
            reader.get(site + MODEL);
            // the first visit installs the service worker; once it controls the page, a visit leaves a copy
            waitFor(
                    reader,
                    driver -> script(
                            driver, "return !!(navigator.serviceWorker && navigator.serviceWorker.controller);"));
            reader.get(site + MODEL);
            // the copy is written after the page is shown: wait until it is there
            waitFor(
                    reader,
                    driver -> ((JavascriptExecutor) driver)
                            .executeAsyncScript(
                                    "var done = arguments[arguments.length - 1];"
                                            + "caches.match(location.href, {ignoreVary: true}).then(function (kept) { done(!!kept); });"));
            line.cut();
            reader.get(site + MODEL);
            assertThat(reader.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Is It Good or Bad to Crack Your Back?");
            reader.get(site + "/articles/never-read-before");
            assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("You are offline");
            photograph("offline");
        }
    }

    /** A TCP line from a local port to the gateway, which the test can cut, as a phone loses its network. */
    static final class Line implements AutoCloseable {
        private final ServerSocket listening;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private boolean isCut;

        private Line(int target) throws IOException {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket phone = listening.accept();
                        // a connection Chromium opened ahead (it does) must not outlive a cut made meanwhile
                        if (!kept(phone)) {
                            return;
                        }
                        Socket site = new Socket(InetAddress.getLoopbackAddress(), target);
                        if (!kept(site)) {
                            return;
                        }
                        pipe(phone, site);
                        pipe(site, phone);
                    } catch (IOException cut) {
                        return;
                    }
                }
            });
        }

        static Line to(int target) throws IOException {
            return new Line(target);
        }

        int port() {
            return listening.getLocalPort();
        }

        synchronized void cut() throws IOException {
            isCut = true;
            listening.close();
            for (Socket socket : open) {
                socket.close();
            }
        }

        /** Whether the socket may carry traffic: open, and closed with the others at the cut, or closed now. */
        private synchronized boolean kept(Socket socket) throws IOException {
            if (isCut) {
                socket.close();
                return false;
            }
            open.add(socket);
            return true;
        }

        @Override
        public void close() throws IOException {
            cut();
        }

        private static void pipe(Socket from, Socket to) {
            daemon(() -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                    to.shutdownOutput();
                } catch (IOException closed) {
                    // the other side or the test closed the line
                }
            });
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "reader-line");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Test
    @Order(3)
    void aGuidedSessionGoesStepByStep() {
        reader.get(stack.gateway() + "/exercises/knees-to-chest/session");
        int steps = reader.findElements(By.cssSelector("li.session-step")).size();
        assertThat(steps).isGreaterThan(1);
        click(reader.findElement(By.cssSelector("button.session-start")));
        waitFor(
                reader,
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".session-progress"), "Step 1 of " + steps));
        String timer = reader.findElement(By.cssSelector(".session-timer")).getText();
        assertThat(timer).matches("\\d\\d:\\d\\d");
        click(reader.findElement(By.cssSelector("button.session-next")));
        waitFor(
                reader,
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".session-progress"), "Step 2 of " + steps));
        assertThat(reader.findElements(By.cssSelector("li.session-step.current")))
                .hasSize(1);
        photograph("guided-session");
    }

    @Test
    @Order(4)
    void everyKindOfReaderPageHasNoAccessibilityViolations() {
        for (String path : List.of(
                "/",
                MODEL,
                MODEL + "?feedback=details",
                "/exercises/knees-to-chest",
                "/routines/gentle-moves-for-lower-back-pain",
                "/exercises/knees-to-chest/session",
                "/search?q=stif+neck",
                "/articles/no-such-page")) {
            reader.get(stack.gateway() + path);
            Results checked = new AxeBuilder().analyze(reader);
            assertThat(checked.getPasses())
                    .as("axe-core ran its rules on %s", path)
                    .isNotEmpty();
            assertThat(checked.getViolations())
                    .as(
                            "axe-core on %s: %s",
                            path,
                            checked.getViolations().stream()
                                    .map(rule ->
                                            rule.getId() + " " + rule.getNodes().size() + "x")
                                    .toList())
                    .isEmpty();
        }
    }

    private static void click(WebElement element) {
        script(reader, "arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static Object script(WebDriver browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static void photograph(String page) throws IllegalStateException {
        try {
            Files.write(SCREENSHOTS.resolve(page + "-phone.png"), reader.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T waitFor(WebDriver browser, java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
