package com.healthcontent.loadtests;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reader votes at saturation: wrk with a fixed number of connections, every request a vote of a new reader on the
 * demo article; first a warm-up through the gateway, then 60 s through the gateway, then the same straight to
 * feedback-service, each phase starting once the previous one's backlog is counted; between them the reference of the
 * day, feedback-service's {@code /livez} at saturation (the cheapest request Spring MVC serves on this machine today),
 * against which the targets are stated since the machine's speed varies several-fold. While the gateway phase runs,
 * two probes measure what readers and reviewers see under the load: a problem report a second, timed from its 202 to
 * its alert on dr.rao's live stream, and a vote a second on an exercise, timed from its 202 to the summary through
 * the gateway showing it. Then 30 s more through the gateway with every process of the stack profiled
 * ({@link Profiles}), apart from the measured phases. Writes {@code votes.properties} for the summary.
 *
 * <pre>VoteSaturation CONSOLE_LOG SECONDS CONNECTIONS REVIEWER_TOKEN</pre>
 */
public final class VoteSaturation {

    /**
     * Minutes, not seconds: the warm-up runs at least this long, then in rounds until the JIT compilers of the stack's
     * JVMs together use under {@link #COMPILERS_SETTLED} of a core in two rounds in a row ({@link Compilers}), at
     * most {@link #WARM_UP_MAX_SECONDS}.
     */
    static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 180);

    static final int WARM_UP_MAX_SECONDS = Integer.getInteger("warmUpMaxSeconds", 600);
    static final int WARM_UP_ROUND_SECONDS = 30;
    /** A twentieth of a core: at 500 votes a second, under 0.1 ms of compiling charged to each vote. */
    static final double COMPILERS_SETTLED = 0.05;

    static final int LIVENESS_SECONDS = Integer.getInteger("livenessSeconds", 30);
    static final int PROFILE_SECONDS = Integer.getInteger("profileSeconds", 30);
    /**
     * Starting the flight recorder sets each JVM's compilers to work again for about two minutes (measured under
     * search load: the gateway's compiler threads from 1% to 28% of a core for 100-120 s, its event loops losing as
     * much); a profile read inside that shows the compilers, not the load.
     */
    static final int PROFILE_SETTLE_SECONDS = Integer.getInteger("profileSettleSeconds", 150);

    static final String FEEDBACK_DIRECT = System.getProperty("feedbackService", "http://localhost:8083");
    static final String PROBE_EXERCISE = "knees-to-chest";
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Map<String, Long> processes = Wrk.processes(Path.of(args[0]));
        int seconds = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        String reviewerToken = args[3];
        String articleId = BenchmarkReport.get(Targets.GATEWAY + "/api/v1/articles/" + Targets.ARTICLE)
                .get("id")
                .asText();
        String exerciseId = BenchmarkReport.get(Targets.GATEWAY + "/api/v1/exercises/" + PROBE_EXERCISE)
                .get("id")
                .asText();
        BenchmarkReport.Counts before = BenchmarkReport.counts();
        long accepted = 0;

        WarmUp warmUp = warmUp(connections, articleId, processes);
        accepted += warmUp.ok();
        accepted += awaitBacklog(before, accepted);

        Wrk.Result liveness = liveness(connections, processes);
        System.out.printf(
                Locale.ROOT,
                "livez    %6.0f answered/s  p99 %.1f ms  %s%n",
                liveness.okPerSecond(),
                liveness.p99(),
                cpu(liveness));

        // Each probe runs once a second; a run that waits long delays the next one rather than overlapping it.
        ScheduledExecutorService probing = Executors.newScheduledThreadPool(2);
        Wrk.Result gateway;
        AlertProbe alerts = AlertProbe.connect(reviewerToken, articleId);
        SummaryProbe summaries = new SummaryProbe(exerciseId);
        try (alerts) {
            probing.scheduleAtFixedRate(alerts, 0, 1, TimeUnit.SECONDS);
            probing.scheduleAtFixedRate(summaries, 0, 1, TimeUnit.SECONDS);
            gateway = votes(Targets.GATEWAY, "gateway", seconds, connections, articleId, processes);
            probing.shutdown();
            probing.awaitTermination(1, TimeUnit.MINUTES);
        }
        accepted += gateway.ok() + alerts.accepted.get();
        System.out.printf(
                Locale.ROOT,
                "gateway  %6.0f accepted/s  p99 %.0f ms  %s%n",
                gateway.okPerSecond(),
                gateway.p99(),
                cpu(gateway));
        accepted += awaitBacklog(before, accepted);

        Wrk.Result direct = votes(FEEDBACK_DIRECT, "direct", seconds, connections, articleId, processes);
        accepted += direct.ok();
        System.out.printf(
                Locale.ROOT,
                "direct   %6.0f accepted/s  p99 %.0f ms  %s%n",
                direct.okPerSecond(),
                direct.p99(),
                cpu(direct));
        accepted += awaitBacklog(before, accepted);

        // Profiled apart from the measured phases, and read only once the recorder's start has settled.
        Path profiles = Path.of(Targets.RESULTS, "profiles");
        Profiles.start(processes, "votes");
        accepted += votes(Targets.GATEWAY, "profile-settle", PROFILE_SETTLE_SECONDS, connections, articleId, processes)
                .ok();
        Instant windowStart = Instant.now();
        Wrk.Result profiled = votes(Targets.GATEWAY, "profiled", PROFILE_SECONDS, connections, articleId, processes);
        Profiles.stop(processes, "votes", profiles, windowStart, Instant.now());
        accepted += profiled.ok();
        System.out.printf(
                Locale.ROOT,
                "profiled %6.0f accepted/s  p99 %.0f ms  %s%n",
                profiled.okPerSecond(),
                profiled.p99(),
                cpu(profiled));
        BenchmarkReport.Counts after = BenchmarkReport.settledCounts(before, accepted);

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "seconds=%d%nconnections=%d%nwarmUpSeconds=%d%nwarmUpCompilers=%.3f%n",
                seconds,
                connections,
                warmUp.seconds(),
                warmUp.compilers()));
        phase(out, "livez", liveness);
        phase(out, "gateway", gateway);
        phase(out, "direct", direct);
        phase(out, "profiled", profiled);
        probe(out, "alert", alerts.latencies);
        probe(out, "summary", summaries.latencies);
        out.append("accepted=").append(accepted).append('\n');
        out.append("stored=").append(after.stored() - before.stored()).append('\n');
        out.append("published=").append(after.published() - before.published()).append('\n');
        out.append("counted=").append(after.counted() - before.counted()).append('\n');
        Path results = Path.of(Targets.RESULTS);
        Files.createDirectories(results);
        Files.writeString(results.resolve("votes.properties"), out.toString());
        System.out.print(out);
    }

    /** The warm-up's votes, how long it ran, and the compilers' share of a core in the worse of its last two rounds. */
    record WarmUp(long ok, int seconds, double compilers) {}

    /** Votes through the gateway until the compilers have settled (or the longest warm-up has passed). */
    static WarmUp warmUp(int connections, String articleId, Map<String, Long> processes)
            throws IOException, InterruptedException {
        System.out.println(
                "Warm-up: at least " + WARM_UP_SECONDS + " s through the gateway, until the compilers settle");
        int seconds = Math.max(0, WARM_UP_SECONDS - WARM_UP_ROUND_SECONDS);
        long ok = seconds == 0
                ? 0
                : votes(Targets.GATEWAY, "warm-up", seconds, connections, articleId, processes)
                        .ok();
        // Settled when two rounds in a row are under the bound: one round alone dips under it while the compilers are
        // still at work (one run stopped on a round of 4.3% at 210 s; in another, 5.1% and 5.2% came before 6.1%).
        int quietRounds = 0;
        double previousRound = 0;
        double compilers;
        do {
            Map<String, Long> before = Compilers.ticks(processes);
            long started = System.nanoTime();
            ok += votes(Targets.GATEWAY, "warm-up", WARM_UP_ROUND_SECONDS, connections, articleId, processes)
                    .ok();
            double round =
                    Compilers.shareOfCore(before, Compilers.ticks(processes), (System.nanoTime() - started) / 1e9);
            quietRounds = round <= COMPILERS_SETTLED ? quietRounds + 1 : 0;
            compilers = Math.max(previousRound, round);
            previousRound = round;
            seconds += WARM_UP_ROUND_SECONDS;
            System.out.printf(Locale.ROOT, "warm-up %d s: compilers %.1f%% of a core%n", seconds, round * 100);
        } while (quietRounds < 2 && seconds < WARM_UP_MAX_SECONDS);
        return new WarmUp(ok, seconds, compilers);
    }

    static Wrk.Result votes(
            String base, String phase, int seconds, int connections, String articleId, Map<String, Long> processes)
            throws IOException, InterruptedException {
        return Wrk.run(
                base + "/api/v1/feedback",
                seconds,
                connections,
                List.of("-s", "votes.lua"),
                List.of(phase + "-" + System.currentTimeMillis(), "ARTICLE", articleId),
                processes);
    }

    /** The reference: wrk on feedback-service's {@code /livez}, warmed up for as long as it is then measured. */
    static Wrk.Result liveness(int connections, Map<String, Long> processes) throws IOException, InterruptedException {
        String livez = FEEDBACK_DIRECT + "/livez";
        System.out.println("Reference: " + LIVENESS_SECONDS + " s of " + livez + " after as long a warm-up");
        Wrk.run(livez, LIVENESS_SECONDS, connections, List.of(), List.of(), processes);
        return Wrk.run(livez, LIVENESS_SECONDS, connections, List.of(), List.of(), processes);
    }

    /** Waits until everything accepted so far is counted (at most 120 s), so a phase never starts on a backlog. */
    static long awaitBacklog(BenchmarkReport.Counts before, long accepted) throws Exception {
        long started = System.nanoTime();
        BenchmarkReport.settledCounts(before, accepted);
        System.out.printf(Locale.ROOT, "backlog counted after %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    static void phase(StringBuilder out, String name, Wrk.Result r) {
        out.append(String.format(
                Locale.ROOT,
                "%s.okPerSecond=%.1f%n%s.failedPerSecond=%.1f%n%s.ok=%d%n%s.failed=%d%n%s.p50=%.1f%n%s.p99=%.1f%n"
                        + "%s.machineBusy=%.2f%n",
                name,
                r.okPerSecond(),
                name,
                r.okPerSecond() * r.failed() / Math.max(1, r.ok()),
                name,
                r.ok(),
                name,
                r.failed(),
                name,
                r.p50(),
                name,
                r.p99(),
                name,
                r.machineBusy()));
        r.cpuMillisPerRequest()
                .forEach(
                        (process, ms) -> out.append(String.format(Locale.ROOT, "%s.cpu.%s=%.3f%n", name, process, ms)));
    }

    static void probe(StringBuilder out, String name, List<Double> latencies) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        out.append(String.format(
                Locale.ROOT,
                "%s.count=%d%n%s.p50=%.0f%n%s.p99=%.0f%n%s.max=%.0f%n",
                name,
                sorted.size(),
                name,
                BenchmarkReport.percentile(sorted, 50),
                name,
                BenchmarkReport.percentile(sorted, 99),
                name,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)));
    }

    static String cpu(Wrk.Result r) {
        return r.cpuMillisPerRequest().entrySet().stream()
                .filter(e -> e.getValue() >= 0.005)
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    static HttpResponse<String> submit(String body, String reader) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(Targets.GATEWAY + "/api/v1/feedback"))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", reader)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Once per run: a problem report, timed from its 202 to its alert on the reviewer's live stream. */
    static final class AlertProbe implements Runnable, AutoCloseable {

        private static final Pattern REPORT_ID = Pattern.compile("\"reportId\":\"([^\"]+)\"");

        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong accepted = new AtomicLong();
        private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
        private final String articleId;
        private final CompletableFuture<HttpResponse<Stream<String>>> stream;

        private AlertProbe(String articleId, CompletableFuture<HttpResponse<Stream<String>>> stream) {
            this.articleId = articleId;
            this.stream = stream;
        }

        /** Opens the reviewer's stream and returns once it is connected (alerts from then on reach it). */
        static AlertProbe connect(String token, String articleId) {
            var stream = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(Targets.GATEWAY + "/api/v1/me/alerts/stream"))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            AlertProbe probe = new AlertProbe(articleId, stream);
            AtomicBoolean connected = new AtomicBoolean();
            Thread reader = new Thread(() -> stream.join().body().forEach(line -> {
                if (line.contains("connected")) {
                    connected.set(true);
                }
                Matcher m = REPORT_ID.matcher(line);
                if (m.find()) {
                    probe.seenAt.putIfAbsent(m.group(1), System.nanoTime());
                }
            }));
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(10)).untilTrue(connected);
            return probe;
        }

        @Override
        public void run() {
            try {
                HttpResponse<String> response = submit(
                        "{\"target\": {\"type\": \"ARTICLE\", \"id\": \"" + articleId
                                + "\"}, \"helpful\": false, \"reason\": \"OUTDATED\"}",
                        "alert-probe-" + System.nanoTime());
                long acceptedAt = System.nanoTime();
                if (response.statusCode() != 202) {
                    return;
                }
                accepted.incrementAndGet();
                String id = json.readTree(response.body()).get("id").asText();
                try {
                    await().pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(5))
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> seenAt.containsKey(id));
                } catch (ConditionTimeoutException lost) {
                    // counted as 30 s below
                }
                Long seen = seenAt.get(id);
                latencies.add(seen == null ? 30_000.0 : Math.max(0, seen - acceptedAt) / 1e6);
            } catch (IOException | InterruptedException e) {
                System.err.println("alert probe: " + e); // a scheduled run that throws would stop the probe
            }
        }

        @Override
        public void close() {
            stream.cancel(true);
        }
    }

    /** Once per run: a vote on an exercise, timed from its 202 to the summary showing it (through the gateway). */
    static final class SummaryProbe implements Runnable {

        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        private final String exerciseId;
        /** Votes the summary must show: counted from the probe's own, since a summary read may be a second old. */
        private long expected = -1;

        SummaryProbe(String exerciseId) {
            this.exerciseId = exerciseId;
        }

        @Override
        public void run() {
            try {
                if (expected < 0) {
                    expected = total();
                }
                // as a reader's client would: a vote answered 503 (the intake is behind) is sent again after
                // Retry-After
                String reader = "summary-probe-" + System.nanoTime();
                HttpResponse<String> response = submit(
                        "{\"target\": {\"type\": \"EXERCISE\", \"id\": \"" + exerciseId + "\"}, \"helpful\": true}",
                        reader);
                long givenUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (response.statusCode() == 503 && System.nanoTime() < givenUpAt) {
                    TimeUnit.SECONDS.sleep(
                            response.headers().firstValueAsLong("Retry-After").orElse(1));
                    response = submit(
                            "{\"target\": {\"type\": \"EXERCISE\", \"id\": \"" + exerciseId + "\"}, \"helpful\": true}",
                            reader);
                }
                long acceptedAt = System.nanoTime();
                if (response.statusCode() != 202) {
                    return;
                }
                long shown = ++expected;
                try {
                    await().pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(100))
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> total() >= shown);
                    latencies.add((System.nanoTime() - acceptedAt) / 1e6);
                } catch (ConditionTimeoutException late) {
                    latencies.add(30_000.0);
                }
            } catch (IOException | InterruptedException e) {
                System.err.println("summary probe: " + e); // a scheduled run that throws would stop the probe
            }
        }

        private long total() throws IOException, InterruptedException {
            JsonNode summary =
                    BenchmarkReport.get(Targets.GATEWAY + "/api/v1/feedback/summary?type=EXERCISE&id=" + exerciseId);
            return summary.get("helpful").asLong() + summary.get("notHelpful").asLong();
        }
    }

    private VoteSaturation() {}
}
