package dev.stowage.perf.vsrestic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one command of a tool as a child process and measures it: wall time (from fork to exit, so a
 * JVM's start-up is included), user and system CPU seconds and peak resident memory, both from the
 * kernel's accounting of the child and everything it waited for, through GNU time ({@code /usr/bin/time}).
 * Output goes to a log file; a command that fails ends the benchmark with the log's tail.
 */
final class MeasuredProcess {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** One command's figures; CPU and RSS are -1 where GNU time is not installed. */
    record Figures(double wallSeconds, double userSeconds, double systemSeconds, long peakRssBytes) {
        double cpuSeconds() {
            return userSeconds < 0 ? -1 : userSeconds + systemSeconds;
        }
    }

    private MeasuredProcess() {
    }

    static boolean cpuAccounting() {
        return Files.isExecutable(GNU_TIME);
    }

    static Figures run(List<String> command, Map<String, String> environment, Path log) throws IOException,
            InterruptedException {
        Path times = Files.createTempFile("vs-restic-time", ".txt");
        List<String> full = new ArrayList<>();
        if (cpuAccounting()) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", times.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        long start = System.nanoTime();
        Process process = builder.start();
        // a benchmark stopped half-way (Ctrl-C) takes its running tool down with it
        Thread stopper = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit;
        try {
            exit = process.waitFor();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        try {
            if (exit != 0) {
                throw new IllegalStateException("command failed with exit status " + exit + ": "
                        + String.join(" ", command) + "\n" + tail(log));
            }
            if (!cpuAccounting()) {
                return new Figures(wall, -1, -1, -1);
            }
            // the last line: GNU time prints a "Command exited..." line first when the status is not 0
            List<String> lines = Files.readAllLines(times);
            String[] fields = lines.get(lines.size() - 1).trim().split(" ");
            return new Figures(wall, Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                    Long.parseLong(fields[3]) * 1024);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
