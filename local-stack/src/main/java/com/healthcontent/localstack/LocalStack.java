package com.healthcontent.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack behind {@code ./run.sh}: a real Kafka broker (KRaft) and a MongoDB wire server, then the
 * authorization server, the three services, the gateway, the reviewer console and the reader site, each in its own
 * JVM as deployed, then the demo content through the public API. Runs in the foreground; SIGINT or SIGTERM stops
 * everything it started.
 *
 * <p>Options: {@code --fresh} deletes the data folder first, {@code --no-demo} skips the demo content,
 * {@code --data-dir=PATH} moves the data folder, {@code --port-offset=N} shifts every port by N,
 * {@code --scale SERVICE=N} runs N instances of a service (ports 100 apart) behind the gateway's load balancer,
 * sharing the topics' partitions through their consumer groups, {@code --no-class-data-sharing} runs the jars as
 * built: no extraction, no archive recorded or used (a stack started once per build, as the end-to-end tests' is,
 * only pays for them). Once everything is ready, the authorization server, the services and the gateway are supervised:
 * one that dies is started again.
 */
public final class LocalStack {

    // Each service under 350 MB resident (PLATFORM.md), also under search load (docs/benchmarks.md, 2026-12-05):
    // TrimNativeHeapInterval gives back native memory the JVM freed, which glibc kept (424 -> 369-388 MB); a young
    // generation of 24 MB and an old one kept near its live set (the free ratios), with glibc's malloc arenas capped
    // at two (SERVICE_ENVIRONMENT), 391 -> 310-328 MB, at a tenth to a fifth more CPU per search. One file, a java
    // argument file, so that the benchmarks start services exactly as the launcher does (load-tests/).
    private static final List<String> SERVICE_JVM_OPTIONS = serviceJvmOptions();
    private static final Map<String, String> SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final Path dataDir;
    private final Ports ports;
    private final boolean loadDemo;
    private final Map<String, Integer> scale;
    private boolean classDataSharing = true;
    private final String javaBin =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    record Ports(
            int gateway,
            int article,
            int exercise,
            int feedback,
            int console,
            int readerSite,
            int auth,
            int kafka,
            int mongo) {
        static Ports withOffset(int offset) {
            return new Ports(
                    8080 + offset,
                    8081 + offset,
                    8082 + offset,
                    8083 + offset,
                    8084 + offset,
                    8085 + offset,
                    9000 + offset,
                    9092 + offset,
                    27017 + offset);
        }
    }

    LocalStack(Path root, Path dataDir, Ports ports, boolean loadDemo, Map<String, Integer> scale) {
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
        this.loadDemo = loadDemo;
        this.scale = Map.copyOf(scale);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("localstack.root", "."))
                .toAbsolutePath()
                .normalize();
        Path dataDir = root.resolve(".data");
        boolean fresh = false;
        boolean demo = true;
        boolean classDataSharing = true;
        int offset = 0;
        Map<String, Integer> scale = new LinkedHashMap<>();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            options.add(args[i].equals("--scale") && i + 1 < args.length ? "--scale=" + args[++i] : args[i]);
        }
        for (String arg : options) {
            if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.equals("--no-class-data-sharing")) {
                classDataSharing = false;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
            } else if (arg.startsWith("--port-offset=")) {
                offset = Integer.parseInt(arg.substring("--port-offset=".length()));
            } else if (arg.matches("--scale=(article|exercise|feedback)-service=[1-9]")) {
                String[] serviceAndCount = arg.substring("--scale=".length()).split("=");
                scale.put(serviceAndCount[0], Integer.parseInt(serviceAndCount[1]));
            } else {
                System.err.println("unknown option " + arg + " (known: --fresh --no-demo --data-dir=PATH "
                        + "--port-offset=N --scale SERVICE=N with N from 1 to 9, --no-class-data-sharing)");
                System.exit(2);
            }
        }
        if (fresh) {
            deleteRecursively(dataDir);
        }
        LocalStack stack = new LocalStack(root, dataDir, Ports.withOffset(offset), demo, scale);
        stack.classDataSharing = classDataSharing;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stop();
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("\nThe local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() throws Exception {
        Instant begin = Instant.now();
        Path logs = dataDir.resolve("logs");
        System.out.printf("Health content platform, local stack (data in %s)%n%n", dataDir);
        String launcherClasspath = System.getProperty("java.class.path");
        refuseIfPortsTaken();

        KafkaBroker kafka = new KafkaBroker(dataDir.resolve("kafka"), ports.kafka());
        Path kafkaConfig = kafka.prepare(javaBin, launcherClasspath);
        ManagedProcess broker = launch(
                "kafka", kafka.command(javaBin, platformJvmOptions(), launcherClasspath, kafkaConfig), Map.of(), logs);
        List<String> mongoCommand = new ArrayList<>(List.of(javaBin, "-Xmx512m", "-XX:+UseSerialGC"));
        mongoCommand.addAll(platformJvmOptions());
        mongoCommand.addAll(List.of(
                "-cp",
                launcherClasspath,
                MongoWireServer.class.getName(),
                Integer.toString(ports.mongo()),
                dataDir.resolve("mongo").resolve("platform").toString()));
        ManagedProcess mongo = launch("mongodb", mongoCommand, Map.of(), logs);
        // Each jar is extracted (a JVM each, after a build) while the broker starts, instead of one after the other
        // between the launches of the services. Without class-data sharing the jars run as built: no extraction.
        Stream<String> deployables = Stream.concat(
                Stream.of("auth-server", "gateway", "console", "reader-site"), servicePorts().keySet().stream());
        List<CompletableFuture<Path>> extractions = classDataSharing
                ? deployables
                        .map(module -> CompletableFuture.supplyAsync(() -> extracted(module)))
                        .toList()
                : List.of();
        ready(broker, Duration.ofSeconds(60), kafka::isReady, "Kafka (KRaft) on 127.0.0.1:" + ports.kafka());
        joinAll(extractions);
        List<String> created = kafka.createTopics();
        System.out.printf("  %-17s %s%n", "topics", created.isEmpty() ? "all present" : "created " + created);
        ready(
                mongo,
                Duration.ofSeconds(30),
                () -> Readiness.tcpOpen(ports.mongo()),
                "MongoDB wire server on 127.0.0.1:" + ports.mongo());

        String issuer = "http://localhost:" + ports.auth();
        Map<String, String> jwt = Map.of(
                "JWT_ISSUER_URI",
                issuer,
                "JWT_JWK_SET_URI",
                issuer + "/oauth2/jwks",
                "STAFF_DIRECTORY_URL",
                issuer + "/api/v1/staff");
        String gatewayUrl = "http://localhost:" + ports.gateway();
        String console = gatewayUrl + "/console";
        ManagedProcess auth = launchJar(
                "auth-server",
                "auth-server",
                ports.auth(),
                Map.of(
                        "AUTH_ISSUER",
                        issuer,
                        "AUTH_SIGNING_KEY_FILE",
                        dataDir.resolve("auth").resolve("signing-key.json").toString(),
                        "MONGODB_URI",
                        "mongodb://127.0.0.1:" + ports.mongo() + "/auth-server",
                        // the console signs staff in as the web client, at the gateway's address
                        "WEB_REDIRECT_URIS",
                        "http://localhost:3000/callback," + console + "/login/oauth2/code/web",
                        "WEB_POST_LOGOUT_REDIRECT_URIS",
                        console + "/signed-out",
                        // staff account changes (staff.events), on which the content services fetch the staff
                        // directory at once
                        "KAFKA_BOOTSTRAP_SERVERS",
                        kafka.bootstrapServers()),
                logs);
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        waits.add(readyAsync(auth, ports.auth(), "authorization server"));
        Map<String, List<String>> instances = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> service : servicePorts().entrySet()) {
            Map<String, String> env = new LinkedHashMap<>(jwt);
            env.put("MONGODB_URI", "mongodb://127.0.0.1:" + ports.mongo() + "/" + service.getKey());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // one key for every instance of both content services, kept with the data so old records still verify
            env.put(
                    "APPROVAL_SIGNING_KEY_FILE",
                    dataDir.resolve("approval").resolve("signing-keys.json").toString());
            env.put("APPROVAL_ISSUER", gatewayUrl);
            // The wire server has no index for the outbox relay's look for a crashed instance's events: each look
            // reads the whole collection under its lock, 3.5 s with 140,000 votes stored, and every write to it
            // waits. Here a killed instance is started again and looks at once, so the periodic look is rare.
            env.put("PLATFORM_EVENTS_OUTBOX_POLLINTERVAL", "10m");
            List<Integer> instancePorts = instancePorts(service.getKey(), service.getValue());
            for (int i = 0; i < instancePorts.size(); i++) {
                int port = instancePorts.get(i);
                String name = i == 0 ? service.getKey() : service.getKey() + "-" + (i + 1);
                ManagedProcess instance = launchJar(service.getKey(), name, port, env, logs);
                instances
                        .computeIfAbsent(service.getKey(), k -> new ArrayList<>())
                        .add("http://localhost:" + port);
                waits.add(readyAsync(instance, port, name));
            }
        }
        // The gateway starts with the services, not after them: it only needs their addresses, and its readiness
        // does not depend on theirs (a request to a service still starting gets the 503 fallback).
        instances.put("console", List.of("http://localhost:" + ports.console()));
        instances.put("reader-site", List.of("http://localhost:" + ports.readerSite()));
        // The reader site shows the gateway this key, so that its calls count for the reader it builds a page for,
        // not for the site's address, which here is every local client's too.
        String readerSiteKey = System.getenv().getOrDefault("READER_SITE_KEY", randomKey());
        Map<String, String> routes = new LinkedHashMap<>(jwt);
        routes.put("SPRING_APPLICATION_JSON", instanceList(instances));
        routes.put("READER_SITE_KEY", readerSiteKey);
        routes.put("AUTH_SERVER_URL", issuer);
        routes.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if ("true".equals(System.getenv("GATEWAY_ACCESS_LOG"))) {
            // one line per request with its status and duration in gateway.log (Reactor Netty's access log)
            routes.put("JAVA_TOOL_OPTIONS", "-Dreactor.netty.http.server.accessLogEnabled=true");
        }
        ManagedProcess gateway = launchJar("gateway", "gateway", ports.gateway(), routes, logs);
        waits.add(readyAsync(gateway, ports.gateway(), "gateway"));
        // The reviewer console: a client of the API like any other, through the gateway, with the staff's tokens.
        ManagedProcess reviewerConsole = launchJar(
                "console",
                "console",
                ports.console(),
                Map.of(
                        "GATEWAY_URL",
                        gatewayUrl,
                        "AUTH_URL",
                        issuer,
                        "AUTH_PUBLIC_URL",
                        issuer,
                        "CONSOLE_PUBLIC_URL",
                        console,
                        "MONGODB_URI",
                        "mongodb://127.0.0.1:" + ports.mongo() + "/console"),
                logs);
        waits.add(readyAsync(reviewerConsole, ports.console(), "/console/readyz", "reviewer console"));
        // The readers' site at the gateway's root: anonymous, it reads the public API through the gateway, and names
        // its pages with the address readers use (canonical links, the sitemap).
        ManagedProcess readerSite = launchJar(
                "reader-site",
                "reader-site",
                ports.readerSite(),
                Map.of(
                        "GATEWAY_URL",
                        gatewayUrl,
                        "READER_SITE_PUBLIC_URL",
                        gatewayUrl,
                        "READER_SITE_KEY",
                        readerSiteKey),
                logs);
        waits.add(readyAsync(readerSite, ports.readerSite(), "reader site"));
        joinAll(waits);
        Duration toReady = Duration.between(begin, Instant.now());
        // From here on a platform process that dies is started again (Kafka and MongoDB are left to whoever stops
        // them).
        processes.stream().filter(LocalStack::isPlatform).forEach(this::supervise);

        if (loadDemo) {
            Instant demoStart = Instant.now();
            Map<String, Integer> demo = new DemoContent(
                            "http://localhost:" + ports.gateway(),
                            new StaffLogin(issuer, System.getenv().getOrDefault("DEMO_PASSWORD", "healthy-demo")))
                    .load();
            System.out.printf(
                    "  %-17s created %s through the API in %.1f s%n",
                    "demo content",
                    demo,
                    Duration.between(demoStart, Instant.now()).toMillis() / 1000.0);
        }
        printSummary(toReady);
    }

    private Path extracted(String module) {
        try {
            return ClassDataSharing.extracted(javaBin, root.resolve(module).resolve("target"), module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services behind the gateway and the port of each one's first instance. */
    private Map<String, Integer> servicePorts() {
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        servicePorts.put("article-service", ports.article());
        servicePorts.put("exercise-service", ports.exercise());
        servicePorts.put("feedback-service", ports.feedback());
        return servicePorts;
    }

    /** The ports of a service's instances (--scale), 100 apart. */
    private List<Integer> instancePorts(String service, int basePort) {
        return IntStream.range(0, scale.getOrDefault(service, 1))
                .mapToObj(i -> basePort + 100 * i)
                .toList();
    }

    /**
     * A second stack (or anything else) on our ports made this one report every service ready at once while its
     * own processes failed to bind and exited: the answers came from the processes already there.
     */
    private void refuseIfPortsTaken() {
        List<Integer> http =
                new ArrayList<>(List.of(ports.auth(), ports.gateway(), ports.console(), ports.readerSite()));
        servicePorts().forEach((service, port) -> http.addAll(instancePorts(service, port)));
        List<Integer> wanted = new ArrayList<>(List.of(ports.kafka(), ports.kafka() + 1, ports.mongo()));
        http.forEach(port -> {
            wanted.add(port);
            wanted.add(managementPort(port));
        });
        List<Integer> taken =
                wanted.stream().filter(Readiness::tcpOpen).sorted().toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports " + taken + " are in use: is another local stack still running? "
                    + "Stop it first, or start this one with --port-offset=N.");
        }
    }

    /** Where a process on {@code port} serves its actuator endpoints (as their defaults: 18081 for 8081). */
    static int managementPort(int port) {
        return port + 10_000;
    }

    /** A key for one start of the stack, known only to its gateway and reader site. */
    private static String randomKey() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** The gateway's service instances, as Spring Cloud's simple discovery reads them (SPRING_APPLICATION_JSON). */
    private static String instanceList(Map<String, List<String>> instances) {
        Map<String, List<Map<String, String>>> byService = new LinkedHashMap<>();
        instances.forEach((service, uris) -> byService.put(
                service, uris.stream().map(uri -> Map.of("uri", uri)).toList()));
        return JSON.writeValueAsString(Map.of(
                "spring",
                Map.of(
                        "cloud",
                        Map.of("discovery", Map.of("client", Map.of("simple", Map.of("instances", byService)))))));
    }

    /**
     * PLATFORM_JVM_OPTIONS: more options for every JVM of the stack (the broker and the database server too), e.g. the
     * end-to-end tests' quicker JIT settings.
     */
    private static List<String> platformJvmOptions() {
        String extra = System.getenv().getOrDefault("PLATFORM_JVM_OPTIONS", "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    private static List<String> serviceJvmOptions() {
        try (InputStream in = LocalStack.class.getResourceAsStream("/service-jvm.options")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ManagedProcess launchJar(String module, String name, int port, Map<String, String> environment, Path logs)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(SERVICE_JVM_OPTIONS);
        command.addAll(platformJvmOptions());
        // One instance of a service records its archive: several writing the same file when they stop would clash.
        boolean firstInstance = name.equals(module);
        Path target = root.resolve(module).resolve("target");
        List<String> jar = classDataSharing
                ? ClassDataSharing.prepare(javaBin, target, module, firstInstance)
                : List.of("-jar", target.resolve(module + ".jar").toString());
        if (jar.get(0).startsWith(ClassDataSharing.RECORD)) {
            System.out.printf(
                    "  %-17s recording its class-data-sharing archive (first start of this build; written "
                            + "when it stops, later starts are faster)%n",
                    name);
        }
        command.addAll(jar);
        Map<String, String> env = new LinkedHashMap<>(SERVICE_ENVIRONMENT);
        env.putAll(environment);
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort(port)));
        return launch(name, command, env, logs);
    }

    private ManagedProcess launch(String name, List<String> command, Map<String, String> env, Path logs)
            throws IOException {
        ManagedProcess process = ManagedProcess.start(name, command, env, logs);
        processes.add(process);
        return process;
    }

    /** The platform's own processes, as against the infrastructure it runs on (Kafka, MongoDB). */
    private static boolean isPlatform(ManagedProcess process) {
        return !process.name().equals("kafka") && !process.name().equals("mongodb");
    }

    private void supervise(ManagedProcess process) {
        process.supervise(supervisor, message -> System.out.println("  " + message));
    }

    private CompletableFuture<Void> readyAsync(ManagedProcess process, int port, String what) {
        return readyAsync(process, port, "/readyz", what);
    }

    private CompletableFuture<Void> readyAsync(ManagedProcess process, int port, String probe, String what) {
        // Generous: a first start after a build, with three instances of a service, runs seven JVMs at once on two
        // cores.
        return CompletableFuture.runAsync(() -> ready(
                process,
                Duration.ofSeconds(240),
                () -> Readiness.httpOk("http://localhost:" + port + probe),
                what + " on http://localhost:" + port));
    }

    private static void ready(
            ManagedProcess process, Duration timeout, java.util.function.BooleanSupplier check, String what) {
        Duration took = Readiness.await(process, timeout, check);
        System.out.printf(
                "  %-17s ready in %4.1f s  pid %-7d %s  (log: %s)%n",
                process.name(),
                took.toMillis() / 1000.0,
                process.pid(),
                what,
                process.logFile().getFileName());
    }

    private static void joinAll(List<? extends CompletableFuture<?>> waits) {
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void printSummary(Duration toReady) {
        String gateway = "http://localhost:" + ports.gateway();
        System.out.printf("%nReady in %.1f s. Logs in %s%n", toReady.toMillis() / 1000.0, dataDir.resolve("logs"));
        System.out.println();
        System.out.println("  Reader site                " + gateway + "/");
        System.out.println("  Gateway (the public API)   " + gateway + "   readiness: " + gateway + "/readyz");
        System.out.println(
                "  Reviewer console           " + gateway + "/console/   (sign in as dr.rao, the demo password)");
        System.out.println("  Articles                   " + gateway + "/api/v1/articles");
        System.out.println(
                "  Demo article               " + gateway + "/api/v1/articles/is-it-good-or-bad-to-crack-your-back");
        System.out.println(
                "  Exercises / routines       " + gateway + "/api/v1/exercises   " + gateway + "/api/v1/routines");
        System.out.println("  Feedback                   " + gateway + "/api/v1/feedback (POST, anonymous)");
        System.out.println("  Authorization server       http://localhost:" + ports.auth()
                + "   (OIDC: /.well-known/openid-configuration)");
        System.out.println(
                "  Services, direct           article :" + ports.article() + "  exercise :" + ports.exercise()
                        + "  feedback :" + ports.feedback()
                        + (scale.isEmpty() ? "" : "  (more instances 100 ports apart: " + scale + ")"));
        System.out.println(
                "  Kafka / MongoDB            127.0.0.1:" + ports.kafka() + " / mongodb://127.0.0.1:" + ports.mongo());
        System.out.println("  Metrics and health detail  each process's port + 10000, e.g. http://localhost:"
                + managementPort(ports.gateway()) + "/actuator/prometheus, http://localhost:"
                + managementPort(ports.feedback()) + "/actuator/health");
        System.out.println();
        System.out.println(
                "  Demo users (password: healthy-demo, or $DEMO_PASSWORD): ana.author (AUTHOR), eli.editor (EDITOR),");
        System.out.println("    dr.rao and dr.kim (MEDICAL_REVIEWER), ops.admin (ADMIN)");
        System.out.println("  A token, through the real login flow:  TOKEN=$(" + tokenCommand() + " eli.editor)");
        System.out.println("    curl -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/v1/articles/drafts/<id>");
        System.out.println();
        System.out.println("  Resident memory:");
        List<ManagedProcess> running = new ArrayList<>(processes);
        running.sort(Comparator.comparing(ManagedProcess::name));
        for (ManagedProcess process : running) {
            System.out.printf("    %-17s %4d MB%n", process.name(), process.residentMegabytes());
        }
        System.out.println();
        System.out.println("Press Ctrl-C to stop everything.");
    }

    private String tokenCommand() {
        return ports.auth() == 9000 ? "scripts/token" : "AUTH_URL=http://localhost:" + ports.auth() + " scripts/token";
    }

    void stop() {
        List<ManagedProcess> running = new ArrayList<>(processes);
        if (running.isEmpty()) {
            return;
        }
        System.out.println("\nStopping...");
        Collections.reverse(running); // the gateway first, the broker last, so nothing loses its dependencies early
        List<ManagedProcess> apps =
                running.stream().filter(LocalStack::isPlatform).toList();
        // All asked at once, then awaited: a first start writes each service's class-data-sharing archive on the
        // way out, five at a time on two cores, which took longer than a grace given to one process after another.
        apps.forEach(ManagedProcess::requestStop);
        apps.forEach(p -> p.awaitStop(Duration.ofSeconds(60)));
        running.stream().filter(p -> !apps.contains(p)).forEach(p -> p.stop(KafkaBroker.stopGrace()));
        System.out.println("Stopped " + running.size() + " processes.");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
