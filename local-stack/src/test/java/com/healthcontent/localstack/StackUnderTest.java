package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.TerminalFailureException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as {@code ./run.sh} starts it (the same launcher, on shifted ports so a developer's stack can
 * keep running), for end-to-end tests: requests through the gateway, tokens through the real login flow, and
 * the stack's processes to stop, kill and start again.
 */
final class StackUnderTest implements AutoCloseable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /**
     * The end-to-end suites' stack ({@link SharedStack}) on ports of its own, every one of them (MongoDB's
     * 27017 + offset, the management ports' 18080 + offset included) below Linux's ephemeral range (32768 and up):
     * ports shifted by 20000 and more were in it, and once a client connection's local port took the gateway's
     * management port of a stack before it started (CI: "Port 39080 was already in use"). Not 2000 either: the
     * gateway would be on 10080, a port Chromium refuses to load pages from (ERR_UNSAFE_PORT), and the console's
     * browser journey never reached it.
     */
    static final int OFFSET = 4000;

    private static final String CLIENT_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";
    private static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    final int offset;
    final Path dataDir;
    private final Path console;
    private final Process launcher;
    private final List<Process> restarted = new ArrayList<>();

    private StackUnderTest(int offset, Path dataDir, Path console, Process launcher) {
        this.offset = offset;
        this.dataDir = dataDir;
        this.console = console;
        this.launcher = launcher;
    }

    /** Starts the stack with fresh data and waits until the launcher says everything is ready. */
    static StackUnderTest start(String name, int offset, Map<String, String> environment, String... options)
            throws IOException {
        Path dataDir = Path.of("target", name + "-data").toAbsolutePath();
        Path console = Path.of("target", name + "-console.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CLIENT_COMPILER_ONLY,
                "-Dlocalstack.root=" + ROOT,
                "-cp",
                "target/classes" + File.pathSeparator + "target/lib/*",
                LocalStack.class.getName(),
                "--fresh",
                "--data-dir=" + dataDir,
                "--port-offset=" + offset));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        // what the gateway received and when it answered, for a request a test waited on in vain
        builder.environment().put("GATEWAY_ACCESS_LOG", "true");
        // The client compiler only: nine JVMs starting at once on two cores spent half their start in C2 compiler
        // threads (a cold stack ready in 57 s instead of 114 s here). The suites check behaviour, not peak speed. The
        // broker, the database server and the launcher (which loads the demo content) too: 40-60% of their CPU in the
        // stack's first four minutes went to compiling (2026-12-05: Kafka 9.2 of 23.1 s, MongoDB 4.7 of 8.0 s).
        builder.environment().put("PLATFORM_JVM_OPTIONS", CLIENT_COMPILER_ONLY);
        builder.environment().putAll(environment);
        Process launcher = builder.redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        StackUnderTest stack = new StackUnderTest(offset, dataDir, console, launcher);
        try {
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .failFast("the stack exited", () -> !launcher.isAlive())
                    .until(() -> stack.console().contains("Press Ctrl-C"));
        } catch (TerminalFailureException exited) {
            // the next suite's start writes over the file: what the launcher said goes into the failure itself
            List<String> lines = Files.readAllLines(console);
            throw new IllegalStateException("the stack exited (code " + launcher.exitValue() + "); the end of "
                    + console + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return stack;
    }

    Process launcher() {
        return launcher;
    }

    String console() throws IOException {
        return Files.readString(console);
    }

    String gateway() {
        return "http://localhost:" + (8080 + offset);
    }

    /** A service's own port, e.g. {@code direct(8083)} for feedback-service. */
    String direct(int port) {
        return "http://localhost:" + (port + offset);
    }

    /**
     * Stops everything, the processes started again by a test included: the launcher is asked to stop its processes
     * gracefully (as Ctrl-C would; they write their class-data-sharing archives then), whatever is left is killed.
     * The descendants are listed first: once the launcher is gone they are no longer its descendants.
     */
    @Override
    public void close() {
        stop();
    }

    void stop() {
        restarted.forEach(Process::destroyForcibly);
        List<ProcessHandle> processes = launcher.descendants().toList();
        launcher.destroy();
        try {
            launcher.onExit().get(90, TimeUnit.SECONDS);
        } catch (Exception notStoppedInTime) {
            launcher.destroyForcibly();
        }
        processes.forEach(ProcessHandle::destroyForcibly);
    }

    /** The running process of this stack whose command line contains the marker, e.g. {@code "kafka.Kafka"}. */
    ProcessHandle process(String marker) {
        return Stream.concat(launcher.descendants(), restarted.stream().map(Process::toHandle))
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no running process with " + marker));
    }

    /** The running instance of a service (its command line contains the marker) on a port, e.g. 8183. */
    ProcessHandle instance(String marker, int port) {
        String portVariable = "\0PORT=" + (port + offset) + "\0";
        return launcher.descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker) && ("\0" + environment(p)).contains(portVariable))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no running " + marker + " on port " + port));
    }

    /**
     * Kills a process the launcher does not supervise (the Kafka broker) with SIGKILL, as a crash would end it, and
     * gives back what starts it again with the same command line, environment and working directory, for a fault
     * that lasts a while.
     */
    Runnable killForAWhile(ProcessHandle process) throws IOException {
        String command = commandLine(process);
        String environment = environment(process);
        Path workingDir = Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath();
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        return () -> {
            try {
                startAgain(command, environment, workingDir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private void startAgain(String command, String environment, Path workingDir) throws IOException {
        List<String> arguments = List.of(command.split("\0"));
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(workingDir.toFile());
        builder.environment().clear();
        for (String variable : environment.split("\0")) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        Path log = dataDir.resolve("logs").resolve("restarted.log");
        restarted.add(builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start());
    }

    private static String commandLine(ProcessHandle process) {
        return proc(process, "cmdline");
    }

    private static String environment(ProcessHandle process) {
        return proc(process, "environ");
    }

    private static String proc(ProcessHandle process, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The token script, as a person would use it: the real authorization-code + PKCE login flow. */
    String token(String username) throws IOException, InterruptedException {
        ProcessBuilder script = new ProcessBuilder(ROOT.resolve("scripts/token").toString(), username);
        script.environment().put("AUTH_URL", "http://localhost:" + (9000 + offset));
        Process process = script.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return out;
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return send(
                method,
                URI.create(path.startsWith("http") ? path : gateway() + path),
                token,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "application/json",
                Map.of());
    }

    HttpResponse<String> send(
            String method, URI uri, String token, byte[] body, String contentType, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Feedback through the gateway as one reader. Readers are told apart by address and User-Agent, and every suite
     * sends from this machine: without a reader of its own, a suite's report was taken for another suite's reader
     * amending theirs (no new alert) or for a second report that day (409).
     */
    HttpResponse<String> feedback(String reader, String json) throws IOException, InterruptedException {
        return send(
                "POST",
                URI.create(gateway() + "/api/v1/feedback"),
                null,
                json.getBytes(StandardCharsets.UTF_8),
                "application/json",
                Map.of("User-Agent", reader));
    }

    static JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return json.readTree(response.body());
    }
}
