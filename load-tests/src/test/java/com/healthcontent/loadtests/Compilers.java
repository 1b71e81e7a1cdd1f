package com.healthcontent.loadtests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU each JVM of the stack spends compiling (its JIT compiler threads, from /proc). Under a new load the compilers
 * work for minutes: under gateway votes feedback-service's compiled for about four (jstat: 212 s of compilation by the
 * end of the third minute, a second or two per 30 s from the fifth), so a phase measured while they still work charges
 * their CPU to the requests and leaves the requests less of the machine. A warm-up lasts until they have settled.
 */
final class Compilers {

    /** HotSpot's compiler threads, as /proc shortens their names ("C2 CompilerThread0" is "C2 CompilerThre"). */
    private static final String THREAD_NAME = "CompilerThre";

    /** The compiler threads' utime + stime of each process, in clock ticks; processes that are gone are left out. */
    static Map<String, Long> ticks(Map<String, Long> processes) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            long sum = 0;
            try (DirectoryStream<Path> threads =
                    Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path thread : threads) {
                    try {
                        String stat = Files.readString(thread.resolve("stat"));
                        String threadName = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (threadName.contains(THREAD_NAME)) {
                            sum += Wrk.cpuTicks(stat);
                        }
                    } catch (IOException threadEnded) {
                        // compiler threads come and go with the compile queue
                    }
                }
                ticks.put(name, sum);
            } catch (IOException gone) {
                // reported as missing
            }
        });
        return ticks;
    }

    /** The share of one core the compilers of all processes together used between two readings {@code seconds} apart. */
    static double shareOfCore(Map<String, Long> before, Map<String, Long> after, double seconds) {
        long ticks = 0;
        for (Map.Entry<String, Long> process : after.entrySet()) {
            ticks += process.getValue() - before.getOrDefault(process.getKey(), process.getValue());
        }
        return ticks / (double) Wrk.clockTicksPerSecond() / seconds;
    }

    private Compilers() {}
}
