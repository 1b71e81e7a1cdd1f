package com.healthcontent.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The read paths at saturation, side by side in one run: wrk with a fixed number of connections for a fixed time
 * on each path, all paths warmed up first, then each measured twice, interleaved (path 1..n, then again), so a
 * drift of the machine shows as a difference between rounds rather than between paths. For every measurement, the
 * CPU time each process of the stack (and wrk itself) spent, from /proc, per successful request.
 *
 * <pre>ReadSaturation CONSOLE_LOG VIEWS_OFF_PID SECONDS CONNECTIONS TOKEN OUTPUT</pre>
 */
public final class ReadSaturation {

    static final String SLUG = "is-it-good-or-bad-to-crack-your-back";
    static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 30);
    static final String READER_PAGE_CACHED = "reader's article page (reader site), gateway, from the edge cache";
    static final String READER_PAGE_RENDERED =
            "reader's article page (reader site), gateway, rendered each time (a new query string per request)";

    static final String SEARCH_COMPUTED =
            "search, gateway, the judged queries in turn, signed in (no edge cache: both indexes)";
    static final String SEARCH_CACHED = "search, gateway, the judged queries in turn, anonymous (edge cache)";
    /**
     * Computed search is also measured at these connections (and at the run's): with wrk's closed loop a request
     * waits on average connections / rate, so past the fewest connections that saturate the stack more of them only
     * queue. Its target is judged where the rate levels off.
     */
    static final List<Integer> SEARCH_CONNECTIONS = List.of(2, 4, 8);
    /** The share of the best computed-search rate at which the stack counts as saturated. */
    static final double SATURATED = 0.95;

    /** A path measured with {@code connections} (0: the run's number of connections). */
    record ReadPath(String name, String url, boolean signedIn, List<String> script, int connections) {

        ReadPath(String name, String url, boolean signedIn) {
            this(name, url, signedIn, List.of(), 0);
        }

        ReadPath(String name, String url, boolean signedIn, List<String> script) {
            this(name, url, signedIn, script, 0);
        }

        int connectionsOr(int runs) {
            return connections > 0 ? connections : runs;
        }
    }

    /** The judged queries (the search quality set), URL-encoded one per line, for search.lua. */
    static Path searchQueries() throws IOException {
        Path judged = Path.of("../local-stack/src/main/resources/demo/search/judged-queries.json");
        List<String> queries = new ArrayList<>();
        java.util.regex.Matcher query = java.util.regex.Pattern.compile("\"query\":\\s*\"([^\"\\\\]*)\"")
                .matcher(Files.readString(judged));
        while (query.find()) {
            queries.add(java.net.URLEncoder.encode(query.group(1), java.nio.charset.StandardCharsets.UTF_8));
        }
        Path lines = Path.of("target", "benchmark", "search-queries.txt");
        Files.createDirectories(lines.getParent());
        Files.write(lines, queries);
        return lines;
    }

    record Measurement(
            ReadPath path,
            int round,
            double okPerSecond,
            double p50,
            double p99,
            long ok,
            long failed,
            Map<String, Double> cpuMillisPerRequest,
            double machineBusy) {}

    public static void main(String[] args) throws Exception {
        Map<String, Long> processes = Wrk.processes(Path.of(args[0]));
        processes.put("article-service (views off)", Long.parseLong(args[1]));
        int seconds = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        String token = args[4];
        Path output = Path.of(args[5]);

        List<String> searchScript = List.of("search.lua", searchQueries().toString());
        List<ReadPath> paths = new ArrayList<>(List.of(
                new ReadPath(
                        "liveness, article-service direct (the machine reference)",
                        "http://localhost:8081/livez",
                        false),
                new ReadPath(
                        "article by slug, article-service direct",
                        "http://localhost:8081/api/v1/articles/" + SLUG,
                        false),
                new ReadPath(
                        "article by slug, direct, view store off (what the store fronts)",
                        "http://localhost:8091/api/v1/articles/" + SLUG,
                        false),
                new ReadPath(
                        "article by slug, gateway, signed in (no edge cache)",
                        "http://localhost:8080/api/v1/articles/" + SLUG,
                        true),
                new ReadPath(
                        "article by slug, gateway, anonymous (edge cache)",
                        "http://localhost:8080/api/v1/articles/" + SLUG,
                        false),
                new ReadPath(
                        "article page composed by the gateway, signed in (no edge cache)",
                        "http://localhost:8080/api/v1/pages/articles/" + SLUG,
                        true),
                new ReadPath(
                        "article page composed by the gateway, anonymous (edge cache)",
                        "http://localhost:8080/api/v1/pages/articles/" + SLUG,
                        false),
                new ReadPath(READER_PAGE_CACHED, "http://localhost:8080/articles/" + SLUG, false),
                new ReadPath(
                        READER_PAGE_RENDERED,
                        "http://localhost:8080",
                        false,
                        List.of("rendered.lua", "/articles/" + SLUG)),
                new ReadPath(SEARCH_COMPUTED, "http://localhost:8080", true, searchScript),
                new ReadPath(SEARCH_CACHED, "http://localhost:8080", false, searchScript)));
        for (int searchConnections : SEARCH_CONNECTIONS) {
            paths.add(new ReadPath(
                    searchAt(searchConnections), "http://localhost:8080", true, searchScript, searchConnections));
        }

        // On two cores the JIT compilers of seven JVMs need minutes under load before the code is compiled: a 5 s
        // warm-up measured the interpreter (the gateway at a fifth of its warm rate).
        System.out.println("Warm-up: " + WARM_UP_SECONDS + " s per path");
        for (ReadPath path : paths) {
            if (path.connections() == 0) { // the others are the same requests, warm by then
                measure(path, 0, WARM_UP_SECONDS, connections, token, processes);
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            for (ReadPath path : paths) {
                Measurement m = measure(path, round, seconds, connections, token, processes);
                measurements.add(m);
                System.out.printf(
                        "round %d  %-86s %8.0f ok/s  p50 %6.2f ms  p99 %6.2f ms  %s%n",
                        round, path.name(), m.okPerSecond(), m.p50(), m.p99(), cpu(m));
            }
        }
        Files.writeString(output, summary(paths, measurements, processes, seconds, connections));
        System.out.println("Written: " + output);
    }

    static Measurement measure(
            ReadPath path, int round, int seconds, int connections, String token, Map<String, Long> processes)
            throws IOException, InterruptedException {
        Wrk.Result r = Wrk.run(
                path.url(),
                seconds,
                path.connectionsOr(connections),
                java.util.stream.Stream.concat(
                                path.signedIn()
                                        ? java.util.stream.Stream.of("-H", "Authorization: Bearer " + token)
                                        : java.util.stream.Stream.<String>empty(),
                                path.script().isEmpty()
                                        ? java.util.stream.Stream.<String>empty()
                                        : java.util.stream.Stream.of(
                                                "-s", path.script().get(0)))
                        .toList(),
                path.script().isEmpty() ? List.of() : path.script().subList(1, 2),
                processes);
        return new Measurement(
                path,
                round,
                r.okPerSecond(),
                r.p50(),
                r.p99(),
                r.ok(),
                r.failed(),
                r.cpuMillisPerRequest(),
                r.machineBusy());
    }

    static String searchAt(int connections) {
        return "search computed, as above, " + connections + " connections";
    }

    static String cpu(Measurement m) {
        return m.cpuMillisPerRequest().entrySet().stream()
                .filter(e -> e.getValue() >= 0.005)
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    static String summary(
            List<ReadPath> paths,
            List<Measurement> measurements,
            Map<String, Long> processes,
            int seconds,
            int connections) {
        StringBuilder md = new StringBuilder();
        md.append("# Read paths at saturation\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Run: %s on %d cores, Java %s. Command: `./load-tests/reads.sh` "
                        + "(rate limits off, wrk -t2 -c%d, %d s per measurement after a %d s warm-up of every path, "
                        + "each path measured twice, interleaved). Only 2xx answers count. Load generator on the same "
                        + "machine.%n%n",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                connections,
                seconds,
                WARM_UP_SECONDS));
        md.append(
                "| path | round | ok req/s | p50 ms | p99 ms | non-2xx | machine busy | CPU ms per request, by process |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Measurement m : measurements) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.2f | %.2f | %d | %.0f%% | %s |%n",
                    m.path().name(),
                    m.round(),
                    m.okPerSecond(),
                    m.p50(),
                    m.p99(),
                    m.failed(),
                    m.machineBusy() * 100,
                    cpu(m)));
        }
        Map<String, Measurement> mean = new LinkedHashMap<>();
        for (ReadPath path : paths) {
            List<Measurement> both =
                    measurements.stream().filter(m -> m.path().equals(path)).toList();
            Map<String, Double> cpu = new LinkedHashMap<>();
            both.get(0)
                    .cpuMillisPerRequest()
                    .keySet()
                    .forEach(process -> cpu.put(
                            process,
                            both.stream()
                                    .mapToDouble(m -> m.cpuMillisPerRequest().getOrDefault(process, 0.0))
                                    .average()
                                    .orElse(0)));
            mean.put(
                    path.name(),
                    new Measurement(
                            path,
                            0,
                            both.stream()
                                    .mapToDouble(Measurement::okPerSecond)
                                    .average()
                                    .orElse(0),
                            both.stream()
                                    .mapToDouble(Measurement::p50)
                                    .average()
                                    .orElse(0),
                            both.stream().mapToDouble(Measurement::p99).max().orElse(0),
                            both.stream().mapToLong(Measurement::ok).sum(),
                            both.stream().mapToLong(Measurement::failed).sum(),
                            cpu,
                            both.stream()
                                    .mapToDouble(Measurement::machineBusy)
                                    .average()
                                    .orElse(0)));
        }
        Measurement liveness = mean.get(paths.get(0).name());
        Measurement direct = mean.get(paths.get(1).name());
        Measurement viewsOff = mean.get(paths.get(2).name());
        Measurement signedIn = mean.get(paths.get(3).name());
        Measurement edge = mean.get(paths.get(4).name());
        Measurement search = mean.get(SEARCH_COMPUTED);
        Measurement cachedSearch = mean.get(SEARCH_CACHED);
        List<Measurement> searchCurve = new ArrayList<>();
        SEARCH_CONNECTIONS.forEach(c -> searchCurve.add(mean.get(searchAt(c))));
        searchCurve.add(search);
        double bestSearchRate =
                searchCurve.stream().mapToDouble(Measurement::okPerSecond).max().orElse(0);
        Measurement saturatedSearch = searchCurve.stream()
                .filter(m -> m.okPerSecond() >= SATURATED * bestSearchRate)
                .findFirst()
                .orElseThrow();
        Measurement readerCached = mean.get(READER_PAGE_CACHED);
        Measurement readerRendered = mean.get(READER_PAGE_RENDERED);
        double renderedCpu = stackCpu(readerRendered);
        double livenessCpu = stackCpu(liveness);
        double gatewayCpu = signedIn.cpuMillisPerRequest().getOrDefault("gateway", 0.0);
        List<Measurement> atRunsConnections =
                mean.values().stream().filter(m -> m.path().connections() == 0).toList();
        double worstP99 =
                atRunsConnections.stream().mapToDouble(Measurement::p99).max().orElse(0);
        String worstPath = atRunsConnections.stream()
                .max((a, b) -> Double.compare(a.p99(), b.p99()))
                .map(m -> m.path().name())
                .orElse("");

        md.append("\n## Targets (PLATFORM.md), from the mean of the two rounds (p99: the worse round)\n\n");
        md.append("| target | measured | result |\n|---|---|---|\n");
        target(
                md,
                "Article by slug direct >= 0.6 of the same service's liveness rate",
                String.format(
                        Locale.ROOT,
                        "%.0f vs %.0f req/s = %.2f",
                        direct.okPerSecond(),
                        liveness.okPerSecond(),
                        direct.okPerSecond() / liveness.okPerSecond()),
                direct.okPerSecond() >= 0.6 * liveness.okPerSecond());
        target(
                md,
                "... and >= 3,000 req/s",
                String.format(Locale.ROOT, "%.0f req/s", direct.okPerSecond()),
                direct.okPerSecond() >= 3000);
        reported(
                md,
                "... with the view store off (reported: the build it fronts, not a target)",
                String.format(
                        Locale.ROOT,
                        "%.0f req/s, article-service %.2f ms CPU per request",
                        viewsOff.okPerSecond(),
                        viewsOff.cpuMillisPerRequest().getOrDefault("article-service (views off)", 0.0)));
        target(
                md,
                "Through the gateway signed in (no edge cache) >= 0.7 of direct",
                String.format(
                        Locale.ROOT,
                        "%.0f vs %.0f req/s = %.2f",
                        signedIn.okPerSecond(),
                        direct.okPerSecond(),
                        signedIn.okPerSecond() / direct.okPerSecond()),
                signedIn.okPerSecond() >= 0.7 * direct.okPerSecond());
        // Direct, the whole machine (service, wrk, the rest) spends this much CPU per read; through the gateway
        // each read costs that plus the gateway's own share, which bounds the ratio whatever else is done.
        int cores = Runtime.getRuntime().availableProcessors();
        double directMachineMillis = direct.machineBusy() * cores * 1000 / direct.okPerSecond();
        reported(
                md,
                "... the most that ratio can be at this gateway cost (reported: direct machine CPU per read / "
                        + "(that + the gateway's per proxied read))",
                String.format(
                        Locale.ROOT,
                        "%.3f / (%.3f + %.3f) = %.2f; 0.7 needs the gateway under %.3f ms",
                        directMachineMillis,
                        directMachineMillis,
                        gatewayCpu,
                        directMachineMillis / (directMachineMillis + gatewayCpu),
                        directMachineMillis * 0.3 / 0.7));
        target(
                md,
                "Gateway CPU per proxied request < 0.5 ms",
                String.format(Locale.ROOT, "%.3f ms", gatewayCpu),
                gatewayCpu < 0.5);
        target(
                md,
                "Through the edge cache >= 8,000 req/s",
                String.format(
                        Locale.ROOT,
                        "%.0f req/s (gateway %.3f ms " + "CPU per request)",
                        edge.okPerSecond(),
                        edge.cpuMillisPerRequest().getOrDefault("gateway", 0.0)),
                edge.okPerSecond() >= 8000);
        target(
                md,
                "Search through the gateway p99 < 50 ms at saturation, every search computed (signed in: no edge "
                        + "cache): at the fewest connections that reach " + Math.round(SATURATED * 100)
                        + "% of the best computed-search rate",
                String.format(
                        Locale.ROOT,
                        "p99 %.1f ms at %d connections, %.0f req/s = %.3f of liveness (rate by connections: %s); CPU ms per search: %s",
                        saturatedSearch.p99(),
                        saturatedSearch.path().connectionsOr(connections),
                        saturatedSearch.okPerSecond(),
                        saturatedSearch.okPerSecond() / liveness.okPerSecond(),
                        searchCurve.stream()
                                .map(m -> String.format(
                                        Locale.ROOT,
                                        "%.0f req/s at %d",
                                        m.okPerSecond(),
                                        m.path().connectionsOr(connections)))
                                .collect(Collectors.joining(", ")),
                        cpu(saturatedSearch)),
                saturatedSearch.p99() < 50);
        reported(
                md,
                "... the same at " + connections + " connections (reported: beyond saturation each request also "
                        + "waits for the ones queued before it)",
                String.format(
                        Locale.ROOT,
                        "p99 %.1f ms at %.0f req/s = %.3f of liveness; CPU ms per search: %s",
                        search.p99(),
                        search.okPerSecond(),
                        search.okPerSecond() / liveness.okPerSecond(),
                        cpu(search)));
        target(
                md,
                "... anonymous, repeated queries from the edge cache (until the content changes)",
                String.format(
                        Locale.ROOT,
                        "p99 %.1f ms at %.0f req/s = %.2f of liveness",
                        cachedSearch.p99(),
                        cachedSearch.okPerSecond(),
                        cachedSearch.okPerSecond() / liveness.okPerSecond()),
                cachedSearch.p99() < 50);
        target(
                md,
                "Reader's article page rendered (through the gateway, its API reads from the edge cache): at most 5 ms "
                        + "of CPU per page, all processes together",
                String.format(
                        Locale.ROOT,
                        "%.2f ms = %.1f times a liveness request's %.3f ms; %.0f pages/s = %.3f of liveness, p99 %.1f ms;"
                                + " CPU ms per page: %s",
                        renderedCpu,
                        renderedCpu / livenessCpu,
                        livenessCpu,
                        readerRendered.okPerSecond(),
                        readerRendered.okPerSecond() / liveness.okPerSecond(),
                        readerRendered.p99(),
                        cpu(readerRendered)),
                renderedCpu <= 5);
        target(
                md,
                "... from the edge cache (reported; p99 under 50 ms is the target for every read path)",
                String.format(
                        Locale.ROOT,
                        "%.0f pages/s = %.2f of liveness, p99 %.1f ms, %.3f ms of CPU per page",
                        readerCached.okPerSecond(),
                        readerCached.okPerSecond() / liveness.okPerSecond(),
                        readerCached.p99(),
                        stackCpu(readerCached)),
                readerCached.p99() < 50);
        target(
                md,
                "p99 < 50 ms at " + connections + " connections on every read path",
                String.format(Locale.ROOT, "worst %.1f ms (%s)", worstP99, worstPath),
                worstP99 < 50);
        md.append("\nProcesses measured: ")
                .append(processes.keySet().stream().collect(Collectors.joining(", ")))
                .append(". wrk's own CPU is the rest of the machine's busy time.\n");
        return md.toString();
    }

    /** The CPU of every process of the stack per request, wrk's own left out. */
    static double stackCpu(Measurement m) {
        return m.cpuMillisPerRequest().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    static void target(StringBuilder md, String target, String measured, boolean met) {
        row(md, target, measured, met ? "pass" : "**miss**");
    }

    /** A figure shown beside a target to read it by, judged by nothing. */
    static void reported(StringBuilder md, String what, String measured) {
        row(md, what, measured, "-");
    }

    private static void row(StringBuilder md, String what, String measured, String result) {
        md.append("| ")
                .append(what)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(result)
                .append(" |\n");
    }

    private ReadSaturation() {}
}
