package com.healthcontent.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child JVM of the local stack, its output in its own log file. Once supervised, it is started again whenever it
 * exits without being asked to, as a process supervisor (systemd's {@code Restart=always}, a pod's restart policy)
 * would: after 1 s, doubling up to 30 s while it keeps dying within a minute of its start.
 */
final class ManagedProcess {

    static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_RESTART_DELAY = Duration.ofSeconds(30);
    static final Duration UP_LONG_ENOUGH = Duration.ofMinutes(1);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile Process process;
    private volatile Instant startedAt;
    private volatile boolean stopping;
    private Duration restartDelay = FIRST_RESTART_DELAY;

    private ManagedProcess(String name, List<String> command, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        ManagedProcess managed = new ManagedProcess(name, command, environment, logDir.resolve(name + ".log"));
        managed.launch();
        return managed;
    }

    private void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        startedAt = Instant.now();
        process = builder.start();
    }

    /**
     * From now on an exit that {@link #stop} did not ask for starts the process again, on {@code scheduler}; each
     * exit and start is told to {@code say}.
     */
    void supervise(ScheduledExecutorService scheduler, Consumer<String> say) {
        Process watched = process;
        watched.onExit().thenRun(() -> {
            if (stopping) {
                return;
            }
            Duration up = Duration.between(startedAt, Instant.now());
            restartDelay = up.compareTo(UP_LONG_ENOUGH) >= 0 ? FIRST_RESTART_DELAY : restartDelay;
            Duration delay = restartDelay;
            restartDelay = min(restartDelay.multipliedBy(2), LONGEST_RESTART_DELAY);
            say.accept("%s exited (code %d) after %d s; starting it again in %d s"
                    .formatted(name, watched.exitValue(), up.toSeconds(), delay.toSeconds()));
            scheduler.schedule(
                    () -> {
                        synchronized (this) { // never started again once stop() has taken the process to stop
                            if (stopping) {
                                return;
                            }
                            try {
                                launch();
                            } catch (IOException e) {
                                say.accept(name + " could not be started again: " + e.getMessage());
                                return;
                            }
                        }
                        say.accept("%s started again, pid %d (log: %s)".formatted(name, pid(), logFile.getFileName()));
                        supervise(scheduler, say);
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Resident memory in MB from /proc, or -1 where there is no /proc. */
    long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * SIGTERM, so the JVM shuts down gracefully (in-flight requests, consumers, the outbox); then SIGKILL. Not
     * started again after this.
     */
    void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** SIGTERM and no restart; {@link #awaitStop} waits for the exit. */
    void requestStop() {
        Process current;
        synchronized (this) {
            stopping = true;
            current = process;
        }
        current.destroy();
    }

    /** Waits up to {@code grace} for the exit {@link #requestStop} asked for, then SIGKILL. */
    void awaitStop(Duration grace) {
        Process current = process;
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
