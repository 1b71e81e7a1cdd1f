package com.healthcontent.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each process of the stack spends its CPU during a load: a Java Flight Recorder recording of every process
 * ({@code jcmd JFR.start} with {@code load-tests/profile.jfc}: a stack sample of each running thread every 20 ms,
 * thread CPU every 10 s, nothing else), read back into three tables per process: CPU by thread (what the samples
 * cannot see: GC, the JIT), samples by component (each counted for the library nearest the top of its stack), and
 * the hottest methods (the frame on top, self time).
 *
 * <pre>Profiles RECORDINGS_DIR MARKDOWN_FILE TITLE</pre>
 */
final class Profiles {

    /** Package prefixes by what a reader of the profile would call them; the first match names a frame. */
    private static final Map<String, List<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("platform code (com.healthcontent)", List.of("com.healthcontent."));
        COMPONENTS.put(
                "HTTP server: Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        COMPONENTS.put("HTTP proxy: Reactor Netty, Netty", List.of("reactor.netty.", "io.netty."));
        COMPONENTS.put("Spring Cloud Gateway", List.of("org.springframework.cloud.gateway."));
        COMPONENTS.put("Spring MVC / WebFlux", List.of("org.springframework.web."));
        COMPONENTS.put("Spring Security", List.of("org.springframework.security."));
        COMPONENTS.put("Bean validation", List.of("org.hibernate.validator.", "jakarta.validation."));
        COMPONENTS.put("JSON: Jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
        COMPONENTS.put("Spring Data MongoDB", List.of("org.springframework.data."));
        COMPONENTS.put("MongoDB driver, BSON", List.of("com.mongodb.", "org.bson."));
        COMPONENTS.put(
                "Kafka client",
                List.of("org.apache.kafka.clients.", "org.apache.kafka.common.", "org.springframework.kafka."));
        COMPONENTS.put("Micrometer, tracing", List.of("io.micrometer.", "io.opentelemetry."));
        COMPONENTS.put("Resilience4j", List.of("io.github.resilience4j."));
        COMPONENTS.put("Logging", List.of("ch.qos.logback.", "org.slf4j."));
        COMPONENTS.put("MongoDB wire server", List.of("de.bwaldvogel."));
        COMPONENTS.put("H2 store (MVStore)", List.of("org.h2."));
        COMPONENTS.put(
                "Kafka broker",
                List.of(
                        "kafka.",
                        "org.apache.kafka.storage.",
                        "org.apache.kafka.raft.",
                        "org.apache.kafka.server.",
                        "org.apache.kafka.coordinator."));
        COMPONENTS.put("JDK crypto, hashing", List.of("sun.security.", "javax.crypto.", "com.sun.crypto."));
        COMPONENTS.put("JDK networking (NIO)", List.of("sun.nio.", "java.nio."));
    }

    record Profile(
            String process,
            long samples,
            Map<String, Long> byComponent,
            Map<String, Long> topFrames,
            Map<String, Double> cpuByThread) {}

    /** Starts a recording named {@code name} in each process; {@link #stop} writes them to {@code dir}. */
    static void start(Map<String, Long> processes, String name) throws IOException, InterruptedException {
        for (long pid : processes.values()) {
            jcmd(
                    pid,
                    "JFR.start",
                    "name=" + name,
                    "settings=" + Path.of("profile.jfc").toAbsolutePath());
        }
    }

    /**
     * Stops the recordings and writes one file per process, {@code dir/<process>.jfr}, and the window of time the
     * profile is to read ({@code dir/window}: from and to, epoch milliseconds).
     */
    static void stop(Map<String, Long> processes, String name, Path dir, Instant from, Instant to)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("window"), from.toEpochMilli() + " " + to.toEpochMilli());
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            jcmd(
                    process.getValue(),
                    "JFR.stop",
                    "name=" + name,
                    "filename=" + dir.resolve(process.getKey() + ".jfr").toAbsolutePath());
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + ": " + out);
        }
    }

    public static void main(String[] args) throws IOException {
        Path recordings = Path.of(args[0]);
        String[] window = Files.readString(recordings.resolve("window")).strip().split(" ");
        Instant from = Instant.ofEpochMilli(Long.parseLong(window[0]));
        Instant to = Instant.ofEpochMilli(Long.parseLong(window[1]));
        List<Profile> profiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(recordings)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
                profiles.add(read(file.getFileName().toString().replace(".jfr", ""), file, from, to));
            }
        }
        Files.writeString(Path.of(args[1]), markdown(args[2], profiles));
    }

    /** The events of the recording between {@code from} and {@code to}. */
    static Profile read(String process, Path file, Instant from, Instant to) throws IOException {
        long samples = 0;
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> topFrames = new HashMap<>();
        Map<String, List<Double>> threadLoads = new HashMap<>();
        Set<Long> threadsSeen = new HashSet<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        // the nearest library on the stack: where the time went, not what it ran inside (a filter
                        // chain is on every request's stack)
                        String component = "JDK and others";
                        for (RecordedFrame frame : stack.getFrames()) {
                            String named = component(frame.getMethod().getType().getName());
                            if (named != null) {
                                component = named;
                                break;
                            }
                        }
                        byComponent.merge(component, 1L, Long::sum);
                        RecordedFrame top = stack.getFrames().get(0);
                        topFrames.merge(
                                shortName(top.getMethod().getType().getName()) + "."
                                        + top.getMethod().getName(),
                                1L,
                                Long::sum);
                    }
                    case "jdk.ThreadCPULoad" -> {
                        var thread = event.getThread("eventThread");
                        // a thread's first figure covers its whole life before the recording (start-up, for main)
                        if (thread != null && !threadsSeen.add(thread.getJavaThreadId())) {
                            threadLoads
                                    .computeIfAbsent(threadGroup(thread.getJavaName()), k -> new ArrayList<>())
                                    .add(event.getFloat("user") + (double) event.getFloat("system"));
                        }
                    }
                    default -> {}
                }
            }
        }
        // each thread's load is reported every 10 s: a group's share is the sum of its threads' reports
        Map<String, Double> cpuByThread = new HashMap<>();
        threadLoads.forEach((group, loads) ->
                cpuByThread.put(group, loads.stream().mapToDouble(d -> d).sum()));
        return new Profile(process, samples, byComponent, topFrames, cpuByThread);
    }

    static String component(String className) {
        for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
            for (String prefix : component.getValue()) {
                if (className.startsWith(prefix)) {
                    return component.getKey();
                }
            }
        }
        return null;
    }

    /** Thread names without their numbers, so a pool is one line: {@code http-nio-8083-exec-#}. */
    static String threadGroup(String name) {
        return name == null
                ? "?"
                : name.replaceAll("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", "*")
                        .replaceAll("\\d+", "#");
    }

    private static String shortName(String className) {
        String[] parts = className.split("\\.");
        return parts.length <= 2 ? className : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    static String markdown(String title, List<Profile> profiles) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        out.append("""
                Java Flight Recorder in every process of the stack during a phase of its own after the measured ones
                (`load-tests/profile.jfc`: a stack sample of each running Java thread every 20 ms and each thread's CPU
                every 10 s, nothing else); only the last 30 s are read, after 150 s of load for the recorder's start
                to settle (it sets the compilers to work again for about two minutes). Each sample counts for the
                library nearest the top of its stack (JDK code for the library that called it). Samples see Java code
                only: the thread table shows what they miss (GC, the JIT compilers). The recorder slows these small
                JVMs (votes/s in its window are in the summary): read the shares, not the rates.

                """);
        for (Profile profile : profiles) {
            out.append("## ")
                    .append(profile.process())
                    .append(" (")
                    .append(profile.samples())
                    .append(" samples)\n\n");
            double threadTotal =
                    profile.cpuByThread().values().stream().mapToDouble(d -> d).sum();
            out.append("| threads | share of the process's CPU |\n|---|---:|\n");
            top(profile.cpuByThread(), 8)
                    .forEach((group, load) -> out.append(String.format(
                            Locale.ROOT, "| %s | %.0f%% |%n", group, 100 * load / Math.max(threadTotal, 1e-9))));
            out.append("\n| component | share of samples |\n|---|---:|\n");
            top(profile.byComponent(), 12)
                    .forEach((component, count) -> out.append(String.format(
                            Locale.ROOT,
                            "| %s | %.0f%% |%n",
                            component,
                            100.0 * count / Math.max(profile.samples(), 1))));
            out.append("\n| hottest methods (self) | share of samples |\n|---|---:|\n");
            top(profile.topFrames(), 10)
                    .forEach((method, count) -> out.append(String.format(
                            Locale.ROOT,
                            "| `%s` | %.1f%% |%n",
                            method,
                            100.0 * count / Math.max(profile.samples(), 1))));
            out.append('\n');
        }
        return out.toString();
    }

    private static <N extends Number> Map<String, N> top(Map<String, N> values, int count) {
        Map<String, N> top = new LinkedHashMap<>();
        values.entrySet().stream()
                .sorted(Comparator.comparingDouble(
                                (Map.Entry<String, N> e) -> e.getValue().doubleValue())
                        .reversed())
                .limit(count)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private Profiles() {}
}
