package com.healthcontent.loadtests;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;

/**
 * The parts of the benchmark that are not load: the feedback reconciliation (stored, published and counted, for
 * {@link VoteSaturation}), start-up alone, and the summary of everything the run measured, written as markdown.
 *
 * <pre>BenchmarkReport startup ROOT | summary CONSOLE_LOG</pre>
 */
public final class BenchmarkReport {

    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    static final Path RESULTS = Path.of(Targets.RESULTS);
    static final String MONGO = System.getProperty("mongo", "mongodb://127.0.0.1:27017");
    static final String KAFKA = System.getProperty("kafka", "127.0.0.1:9092");

    public static void main(String[] args) throws Exception {
        Files.createDirectories(RESULTS);
        switch (args[0]) {
            case "startup" -> startupAlone(Path.of(args[1]));
            case "summary" -> summary(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** stored (MongoDB), published (events on the topic), counted (the summary), for the demo article. */
    record Counts(long stored, long published, long counted) {
        @Override
        public String toString() {
            return "stored=" + stored + "\npublished=" + published + "\ncounted=" + counted + "\n";
        }

        static Counts parse(String text) throws IOException {
            Properties p = new Properties();
            p.load(new java.io.StringReader(text));
            return new Counts(
                    Long.parseLong(p.getProperty("stored")),
                    Long.parseLong(p.getProperty("published")),
                    Long.parseLong(p.getProperty("counted")));
        }
    }

    static Counts counts() throws Exception {
        JsonNode article = get(Targets.GATEWAY + "/api/v1/articles/" + Targets.ARTICLE);
        String articleId = article.get("id").asText();
        // Counted from the ids alone: the wire server answers countDocuments (an aggregation) by decoding and keeping
        // every matching document, which at the few hundred thousand votes of a run took it past its 512 MB heap.
        long stored = 0;
        try (MongoClient mongo = MongoClients.create(MONGO);
                MongoCursor<Document> ids = mongo.getDatabase("feedback-service")
                        .getCollection("feedback")
                        .find(Filters.eq("targetId", articleId))
                        .projection(Projections.include("_id"))
                        .batchSize(10_000)
                        .iterator()) {
            while (ids.hasNext()) {
                ids.next();
                stored++;
            }
        }
        long published = 0;
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("feedback.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            java.util.Set<String> ids = new java.util.HashSet<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    var type = record.headers().lastHeader("ce_type");
                    var id = record.headers().lastHeader("ce_id");
                    if (articleId.equals(record.key())
                            && type != null
                            && id != null
                            && new String(type.value(), StandardCharsets.UTF_8).endsWith("feedback.submitted.v1")) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8)); // a redelivered event counts once
                    }
                }
            }
            published = ids.size();
        }
        JsonNode summary = get(Targets.GATEWAY + "/api/v1/feedback/summary?type=ARTICLE&id=" + articleId + "&fresh="
                + System.nanoTime());
        return new Counts(
                stored,
                published,
                summary.get("helpful").asLong() + summary.get("notHelpful").asLong());
    }

    /**
     * Counts once the asynchronous parts (relay, summary consumer) have caught up with everything stored since
     * {@code before} and at least {@code accepted} are stored, or 120 s passed.
     */
    static Counts settledCounts(Counts before, long accepted) throws Exception {
        AtomicReference<Counts> latest = new AtomicReference<>();
        try {
            // a read may meet the gateway still shedding a load that just ended (503): asked again a second later
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        latest.set(counts());
                        long stored = latest.get().stored() - before.stored();
                        return stored >= accepted
                                && latest.get().published() - before.published() >= stored
                                && latest.get().counted() - before.counted() >= stored;
                    });
        } catch (ConditionTimeoutException notCaughtUp) {
            // the summary reports what was there after 120 s: a shortfall is a loss to show, not to hide
        }
        return latest.get() != null ? latest.get() : counts();
    }

    /** The JVM options the launcher gives every service, from the same java argument file. */
    static final String SERVICE_JVM_OPTIONS = "local-stack/src/main/resources/service-jvm.options";

    /**
     * Each deployable started alone (as in its own pod) next to the running stack: time to readiness and resident
     * memory once ready. The stack's own start-up starts four Spring JVMs at once on two cores, which is slower.
     */
    static void startupAlone(Path root) throws Exception {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("auth-server", 29000);
        ports.put("article-service", 28081);
        ports.put("exercise-service", 28082);
        ports.put("feedback-service", 28083);
        ports.put("gateway", 28080);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> module : ports.entrySet()) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.add("@" + root.resolve(SERVICE_JVM_OPTIONS));
            command.addAll(launchedAsByTheStack(root.resolve(module.getKey()).resolve("target"), module.getKey()));
            // its output kept: a service that exits before it is ready says why there (a run once ended on
            // "exercise-service exited before it was ready" with nothing to go on)
            Path log = Path.of("target", "benchmark", module.getKey() + "-alone.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // beside the running stack: its ports and its management ports (+ 10000) are taken
            builder.environment().put("MALLOC_ARENA_MAX", "2"); // as the launcher starts services
            builder.environment().put("PORT", module.getValue().toString());
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(module.getValue() + 10_000));
            builder.environment().put("MONGODB_URI", MONGO + "/" + module.getKey());
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
            builder.environment().put("AUTH_ISSUER", "http://localhost:9000");
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                String health = "http://localhost:" + module.getValue() + "/readyz";
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(50))
                        .failFast(
                                module.getKey() + " exited before it was ready (its output: load-tests/" + log + ")",
                                () -> !process.isAlive())
                        .until(() -> ready(health));
                double seconds = (System.nanoTime() - start) / 1e9;
                long rss = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                        .findFirst()
                        .orElse(-1);
                out.append(module.getKey())
                        .append('=')
                        .append(String.format("%.1f", seconds))
                        .append(',')
                        .append(rss)
                        .append('\n');
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        Files.writeString(RESULTS.resolve("startup-alone.properties"), out.toString());
    }

    /**
     * As the launcher runs it once it has a class-data-sharing archive (local-stack's ClassDataSharing): the
     * extracted jar with the archive the stack's first run wrote; the plain jar before there is one.
     */
    static List<String> launchedAsByTheStack(Path target, String module) {
        Path archive = target.resolve("cds").resolve(module + ".jsa");
        return Files.exists(archive)
                ? List.of(
                        "-XX:SharedArchiveFile=" + archive,
                        "-jar",
                        target.resolve("cds").resolve(module + ".jar").toString())
                : List.of("-jar", target.resolve(module + ".jar").toString());
    }

    static boolean ready(String url) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void summary(Path console) throws Exception {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Run: ")
                .append(Instant.now())
                .append(" on ")
                .append(machine())
                .append(".\n");
        md.append("Machine speed reference: SHA-256 of 256 MiB on one thread in ")
                .append(referenceMillis())
                .append(" ms (best of three, stack idle). The same machine type runs at different speeds on different ")
                .append("days; compare runs by this number first.\n");
        md.append("Command: `./load-tests/run.sh` (local stack started by it; rate limits raised for the load: ")
                .append(
                        "`RATE_LIMIT_ENABLED=false`, `FEEDBACK_PER_MINUTE=100000000`). Every number below is from this ")
                .append("one run.\n\n");

        md.append("## Requests\n\n| request | ok | failed | ok/s | p50 ms | p95 ms | p99 ms |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Properties> requests = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.list(RESULTS.resolve("requests"))) {
            for (Path file : files.sorted().toList()) {
                Properties stats = new Properties();
                stats.load(Files.newBufferedReader(file));
                requests.put(stats.getProperty("name"), stats);
            }
        }
        requests.forEach((name, stats) -> md.append("| ")
                .append(name)
                .append(" | ")
                .append(stats.getProperty("ok"))
                .append(" | ")
                .append(stats.getProperty("failed"))
                .append(" | ")
                .append(String.format("%.0f", Double.parseDouble(stats.getProperty("rps"))))
                .append(" | ")
                .append(stats.getProperty("p50"))
                .append(" | ")
                .append(stats.getProperty("p95"))
                .append(" | ")
                .append(stats.getProperty("p99"))
                .append(" |\n"));

        md.append("\n## Targets (PLATFORM.md)\n\n| target | measured | result |\n|---|---|---|\n");
        md.append("| Read paths: direct, through the gateway, through its edge cache | measured at saturation by ")
                .append(
                        "`./load-tests/reads.sh`, side by side with CPU per request: `load-tests/results/READS.md` | - |\n");

        Properties votes = new Properties();
        votes.load(Files.newBufferedReader(RESULTS.resolve("votes.properties")));
        double gatewayRate = number(votes, "gateway.okPerSecond");
        double directRate = number(votes, "direct.okPerSecond");
        String gatewayCpu = cpuSplit(votes, "gateway");
        double gatewayCpuTotal = cpuTotal(votes, "gateway");
        // The machine's speed varies several-fold by day: each target holds against feedback-service's own liveness
        // rate in this run (1,000 votes/s and 2 ms are those ratios on a day when /livez runs at 15,000/s).
        double livezRate = number(votes, "livez.okPerSecond");
        double livezCpu = cpuTotal(votes, "livez");
        md.append("| Reference of the day: feedback-service `/livez` at saturation (wrk, same connections) | ")
                .append(String.format(
                        Locale.ROOT,
                        "%.0f answered/s, p99 %.1f ms, %.3f ms of CPU per request (%s) | - |%n",
                        livezRate,
                        number(votes, "livez.p99"),
                        livezCpu,
                        cpuSplit(votes, "livez")));
        row(
                md,
                "Feedback: accepted votes through the gateway for " + votes.getProperty("seconds") + " s (wrk, "
                        + votes.getProperty("connections") + " connections, a new reader per vote, after "
                        + votes.getProperty("warmUpSeconds", "?") + " s of warm-up, its last 60 s with the JVMs' "
                        + "compilers at " + String.format(Locale.ROOT, "%.0f%%", number(votes, "warmUpCompilers") * 100)
                        + " of a core) >= 1/15 of the liveness rate (1,000/s on a 15,000/s day), p99 < 500 ms; straight to feedback-service >= 1/8",
                String.format(
                        Locale.ROOT,
                        "%.0f accepted/s = 1/%.1f of liveness, p50 %.0f ms, p99 %.0f ms, %.0f/s more answered 503 "
                                + "(the intake behind: sent again later); straight to feedback-service %.0f accepted/s "
                                + "= 1/%.1f, p99 %.0f ms, %.0f/s more answered 503",
                        gatewayRate,
                        livezRate / gatewayRate,
                        number(votes, "gateway.p50"),
                        number(votes, "gateway.p99"),
                        number(votes, "gateway.failedPerSecond"),
                        directRate,
                        livezRate / directRate,
                        number(votes, "direct.p99"),
                        number(votes, "direct.failedPerSecond")),
                gatewayRate * 15 >= livezRate && number(votes, "gateway.p99") < 500 && directRate * 8 >= livezRate);
        row(
                md,
                "Feedback: CPU per accepted vote, all processes together, <= 18 liveness requests' CPU (2 ms on a "
                        + "15,000/s day)",
                String.format(
                        Locale.ROOT,
                        "through the gateway %.2f ms = %.1f liveness requests (%s); direct %.2f ms = %.1f (%s); "
                                + "machine busy %.0f%%",
                        gatewayCpuTotal,
                        gatewayCpuTotal / livezCpu,
                        gatewayCpu,
                        cpuTotal(votes, "direct"),
                        cpuTotal(votes, "direct") / livezCpu,
                        cpuSplit(votes, "direct"),
                        number(votes, "gateway.machineBusy") * 100),
                gatewayCpuTotal <= 18 * livezCpu);
        long accepted = Long.parseLong(votes.getProperty("accepted"));
        long stored = Long.parseLong(votes.getProperty("stored"));
        long published = Long.parseLong(votes.getProperty("published"));
        long counted = Long.parseLong(votes.getProperty("counted"));
        // A submission the client gave up on (timeout) may still have been stored: it was not told it was accepted,
        // and its retry is answered with the first id. So: nothing accepted is missing, and everything stored was
        // published and counted exactly once.
        row(
                md,
                "Feedback: nothing lost (accepted <= stored = published = counted), all phases",
                String.format(
                        Locale.ROOT,
                        "accepted %d, stored +%d, published +%d, counted +%d",
                        accepted,
                        stored,
                        published,
                        counted),
                stored >= accepted && published == stored && counted == stored);
        row(
                md,
                "Summary shows an accepted vote within 2 s at p99, under the gateway vote load",
                probe(votes, "summary", "votes"),
                number(votes, "summary.p99") < 2000);
        row(
                md,
                "Reviewer alert: report accepted to alert on the live stream, p99 < 1 s, under the gateway vote load",
                probe(votes, "alert", "reports"),
                number(votes, "alert.p99") < 1000);

        String log = Files.readString(console);
        Matcher ready = Pattern.compile("  (\\S+)\\s+ready in\\s+([\\d.]+) s").matcher(log);
        StringBuilder readiness = new StringBuilder();
        boolean allFast = true;
        while (ready.find()) {
            if (!ready.group(1).equals("kafka") && !ready.group(1).equals("mongodb")) {
                readiness
                        .append(ready.group(1))
                        .append(' ')
                        .append(ready.group(2))
                        .append(" s, ");
                allFast &= Double.parseDouble(ready.group(2)) < 10;
            }
        }
        Properties alone = new Properties();
        alone.load(Files.newBufferedReader(RESULTS.resolve("startup-alone.properties")));
        StringBuilder aloneText = new StringBuilder();
        boolean aloneFast = true;
        boolean aloneSmall = true;
        for (String module : new java.util.TreeSet<>(alone.stringPropertyNames())) {
            String[] secondsAndRss = alone.getProperty(module).split(",");
            aloneText
                    .append(module)
                    .append(' ')
                    .append(secondsAndRss[0])
                    .append(" s / ")
                    .append(secondsAndRss[1])
                    .append(" MB, ");
            aloneFast &= Double.parseDouble(secondsAndRss[0]) < 10;
            aloneSmall &= Long.parseLong(secondsAndRss[1]) < 350;
        }
        row(
                md,
                "Each service ready in < 10 s and < 350 MB, started alone (as in its own pod)",
                aloneText.toString(),
                aloneFast && aloneSmall);
        row(
                md,
                "... while all start together on the 2 cores (reported, not the target)",
                readiness.toString(),
                allFast);
        Matcher memory = Pattern.compile("    (\\S+)\\s+(\\d+) MB").matcher(log);
        StringBuilder rss = new StringBuilder();
        boolean allSmall = true;
        while (memory.find()) {
            rss.append(memory.group(1)).append(' ').append(memory.group(2)).append(" MB, ");
            if (!memory.group(1).equals("kafka") && !memory.group(1).equals("mongodb")) {
                allSmall &= Integer.parseInt(memory.group(2)) < 350;
            }
        }
        row(md, "Resident memory of the whole stack after start (each service < 350 MB)", rss.toString(), allSmall);
        Matcher stack = Pattern.compile("Ready in ([\\d.]+) s").matcher(log);
        double stackReady = stack.find() ? Double.parseDouble(stack.group(1)) : Double.NaN;
        row(md, "Whole local stack ready in < 60 s", stackReady + " s", stackReady < 60);
        md.append("\nHTML reports of the load: `load-tests/target/gatling/` (not committed).\n");
        Files.createDirectories(Path.of("results"));
        Files.writeString(Path.of("results", "SUMMARY.md"), md.toString());
        System.out.println(md);
    }

    static double number(Properties properties, String name) {
        return Double.parseDouble(properties.getProperty(name, "NaN"));
    }

    static String probe(Properties votes, String name, String what) {
        return String.format(
                Locale.ROOT,
                "%s %s: p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                votes.getProperty(name + ".count"),
                what,
                number(votes, name + ".p50"),
                number(votes, name + ".p99"),
                number(votes, name + ".max"));
    }

    static double cpuTotal(Properties votes, String phase) {
        return votes.stringPropertyNames().stream()
                .filter(name -> name.startsWith(phase + ".cpu."))
                .mapToDouble(name -> number(votes, name))
                .sum();
    }

    static String cpuSplit(Properties votes, String phase) {
        return votes.stringPropertyNames().stream()
                .filter(name -> name.startsWith(phase + ".cpu."))
                .filter(name -> number(votes, name) >= 0.005)
                .sorted()
                .map(name -> String.format(
                        Locale.ROOT, "%s %.2f", name.substring((phase + ".cpu.").length()), number(votes, name)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static void row(StringBuilder md, String target, String measured, boolean pass) {
        md.append("| ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(pass ? "pass" : "**miss**")
                .append(" |\n");
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 2))
                .orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + (Runtime.getRuntime().maxMemory() / (1024 * 1024 * 1024) + 1) + "+ GiB, Java "
                + System.getProperty("java.version");
    }

    /** A fixed CPU task, so that a slower run can be told apart from a slower machine. */
    static long referenceMillis() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            for (int i = 0; i < 256; i++) {
                sha256.update(chunk);
            }
            sha256.digest();
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }

    static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private BenchmarkReport() {}
}
