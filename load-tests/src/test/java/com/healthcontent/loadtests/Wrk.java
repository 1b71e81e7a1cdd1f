package com.healthcontent.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wrk measurement with the CPU time every process of the stack spent during it (from /proc), per successful
 * request: what the saturation benchmarks have in common.
 */
final class Wrk {

    static final Pattern READY = Pattern.compile("^\\s+(\\S+)\\s+ready in\\s+[\\d.]+ s\\s+pid (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern REQUESTS = Pattern.compile("^\\s+(\\d+) requests in ([\\d.]+)(s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** ok = 2xx answers; {@code machineBusy} the share of both cores in use, wrk included. */
    record Result(
            double okPerSecond,
            double p50,
            double p99,
            long ok,
            long failed,
            Map<String, Double> cpuMillisPerRequest,
            double machineBusy) {}

    /** The stack's processes by name, from the launcher's console ("name ready in 1.2 s pid 123"). */
    static Map<String, Long> processes(Path console) throws IOException {
        Map<String, Long> processes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(console)) {
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                processes.put(ready.group(1), Long.parseLong(ready.group(2)));
            }
        }
        return processes;
    }

    /** wrk -t2 for {@code seconds} with {@code options} (headers, a script) before the URL and {@code scriptArgs} after. */
    static Result run(
            String url,
            int seconds,
            int connections,
            List<String> options,
            List<String> scriptArgs,
            Map<String, Long> processes)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        command.addAll(options);
        command.add(url);
        if (!scriptArgs.isEmpty()) {
            command.add("--");
            command.addAll(scriptArgs);
        }
        Map<String, Long> before = ticks(processes);
        long[] machineBefore = machineTicks();
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        Map<String, Long> after = ticks(processes);
        long[] machineAfter = machineTicks();

        double p50 = 0;
        double p99 = 0;
        long requests = 0;
        double duration = seconds;
        long failed = 0;
        for (String line : out.split("\n")) {
            Matcher latency = LATENCY.matcher(line);
            if (latency.find()) {
                double value = Double.parseDouble(latency.group(2))
                        * switch (latency.group(3)) {
                            case "us" -> 0.001;
                            case "s" -> 1000.0;
                            default -> 1.0;
                        };
                if (latency.group(1).equals("50")) {
                    p50 = value;
                } else {
                    p99 = value;
                }
            }
            Matcher total = REQUESTS.matcher(line);
            if (total.find()) {
                requests = Long.parseLong(total.group(1));
                duration = Double.parseDouble(total.group(2)) * (total.group(3).equals("m") ? 60 : 1);
            }
            Matcher non2xx = NON_2XX.matcher(line);
            if (non2xx.find()) {
                failed = Long.parseLong(non2xx.group(1));
            }
        }
        if (requests == 0) {
            throw new IllegalStateException("wrk measured nothing on " + url + ":\n" + out);
        }
        long ok = requests - failed;
        Map<String, Double> cpu = new LinkedHashMap<>();
        double millisPerTick = 1000.0 / clockTicksPerSecond();
        for (String process : processes.keySet()) {
            if (before.containsKey(process) && after.containsKey(process)) {
                cpu.put(process, (after.get(process) - before.get(process)) * millisPerTick / Math.max(ok, 1));
            }
        }
        double busy = 1.0 - (double) (machineAfter[1] - machineBefore[1]) / (machineAfter[0] - machineBefore[0]);
        return new Result(ok / duration, p50, p99, ok, failed, cpu, busy);
    }

    /** utime + stime of each process, in clock ticks; processes that are gone are left out. */
    private static Map<String, Long> ticks(Map<String, Long> processes) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            try {
                ticks.put(name, cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
            } catch (IOException gone) {
                // reported as missing
            }
        });
        return ticks;
    }

    /** utime + stime from a process's or a thread's /proc stat line, in clock ticks. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** {total, idle} ticks of the whole machine. */
    private static long[] machineTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
    }

    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100;
        }
    }

    private Wrk() {}
}
