package com.healthcontent.loadtests;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-request statistics for the summary (the open-source Gatling HTML report has no machine-readable form):
 * every response time and outcome, and the span of time the request was sent over, written when a simulation ends.
 */
final class Recorder {

    private static final Map<String, Series> series = new ConcurrentHashMap<>();

    private static final class Series {
        final List<Long> times = Collections.synchronizedList(new ArrayList<>());
        volatile long failed;
        volatile long first = Long.MAX_VALUE;
        volatile long last;

        synchronized void add(long responseTime, boolean ok) {
            long now = System.currentTimeMillis();
            first = Math.min(first, now - responseTime);
            last = Math.max(last, now);
            if (ok) {
                times.add(responseTime);
            } else {
                failed++;
            }
        }
    }

    /** The request, with its response time and outcome recorded under its name. */
    static ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("rt"))).exec(session -> {
            long rt = session.contains("rt") ? session.getLong("rt") : 0;
            series.computeIfAbsent(name, n -> new Series()).add(rt, !session.isFailed());
            return session.markAsSucceeded().remove("rt");
        });
    }

    static void write() {
        try {
            Path dir = Path.of(Targets.RESULTS, "requests");
            Files.createDirectories(dir);
            for (Map.Entry<String, Series> entry : series.entrySet()) {
                Series s = entry.getValue();
                List<Long> sorted;
                synchronized (s.times) {
                    sorted = new ArrayList<>(s.times);
                }
                Collections.sort(sorted);
                double seconds = Math.max(0.001, (s.last - s.first) / 1000.0);
                String stats = "name=" + entry.getKey() + "\nok=" + sorted.size() + "\nfailed=" + s.failed
                        + "\nrps=" + (sorted.size() / seconds) + "\np50=" + pct(sorted, 50) + "\np95=" + pct(sorted, 95)
                        + "\np99=" + pct(sorted, 99) + "\n";
                Files.writeString(dir.resolve(entry.getKey().replaceAll("[^a-z0-9]+", "-") + ".properties"), stats);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty()
                ? 0
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private Recorder() {}
}
